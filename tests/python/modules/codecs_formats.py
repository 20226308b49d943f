# codecs: byte order marks, incremental decoding of partial input, the table codecs
# (cp1252, koi8_r) and the escape codecs.
import codecs

for enc in ("utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-be", "utf-8-sig"):
    data = "h\xe9\u20ac\U0001f600".encode(enc)
    print(enc, data.hex(), data.decode(enc) == "h\xe9\u20ac\U0001f600")
print(codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.utf_16_ex_decode(b"\xfe\xff\x00a"))

decoder = codecs.getincrementaldecoder("utf-8")()
pieces = [decoder.decode(b) for b in (b"a\xe2", b"\x82", b"\xacb\xf0\x9f", b"\x98\x80")]
print(pieces, decoder.decode(b"", final=True))
decoder16 = codecs.getincrementaldecoder("utf-16")()
print([decoder16.decode(bytes([b])) for b in "h\u20ac".encode("utf-16")])
encoder = codecs.getincrementalencoder("utf-16")()
print(encoder.encode("a"), encoder.encode("b"))

print("caf\xe9 \u20ac\u2019".encode("cp1252"), b"\x80\x93\xe9".decode("cp1252"))
print("\u043f\u0440\u0438\u0432\u0435\u0442".encode("koi8_r").hex())
try:
    b"\x81".decode("cp1252")
except UnicodeDecodeError as e:
    print("cp1252:", e)
print("\u0100".encode("cp1252", "replace"), b"a\x81".decode("cp1252", "replace"))

print(codecs.encode("a\tb\\\xe9\u1234", "unicode_escape"))
print(codecs.decode(b"x\\n\\t\\x41\\u20ac\\U0001F600\\101", "unicode_escape"))
print(codecs.encode("\xe9\u1234", "raw_unicode_escape"), codecs.decode(b"\\u20ac\\n", "raw_unicode_escape"))
print(codecs.escape_encode(b"it's\n\x00"), codecs.escape_decode(b"\\x41\\n\\'"))
try:
    codecs.decode(b"\\x4", "unicode_escape")
except UnicodeDecodeError as e:
    print(e)
print(codecs.decode("uryyb", "rot13"), codecs.encode("abc", "rot_13"))
