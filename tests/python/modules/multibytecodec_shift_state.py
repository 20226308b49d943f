# The CJK codecs with a shift state (ISO-2022, HZ) and the state of _multibytecodec's
# incremental encoders and decoders, as CPython 3.11: getstate() values, setstate(),
# chunked encoding that designates once, and errors resolved in the current state.
import codecs

# HZ
for text in ["abc", "中文", "a中~b", "~", "中~", "é", "Ω‖"]:
    print(ascii(text), text.encode("hz"), text.encode("hz").decode("hz") == text)
for data in [b"~~~{VP~}~\nx", b"~{~~", b"~{VP\nVP", b"~x", b"~", b"~{V", b"\x80"]:
    print(data, ascii(data.decode("hz", "replace")))
try:
    "\u00a5".encode("hz")
except UnicodeEncodeError as e:
    print(e)

# the ISO-2022 codecs CPython has
for name in ["iso2022_jp", "iso2022_jp_1", "iso2022_jp_2", "iso2022_jp_ext", "iso2022_kr"]:
    for text in ["é", "Ω", "¥", "～", "ｱ", "한", "中", "丂", "a\u3042b\u3044\nc"]:
        try:
            print(name, ascii(text), text.encode(name))
        except UnicodeEncodeError as e:
            print(name, ascii(text), "UnicodeEncodeError", e.start, e.end)
print(b"\x1b.A\x1bNi".decode("iso2022_jp_2"), b"\x1b&@\x1b$B$\"".decode("iso2022_jp"))
print(ascii(b"ab\x1b$def".decode("iso2022_kr", "replace")))
print(ascii(b"\x1bxyZab".decode("iso2022_jp", "replace")))
print("\u3000\xe9 nd eggs".encode("iso2022_kr", "xmlcharrefreplace"))

# incremental encoding designates once and returns to ASCII only at the end
for name in ["iso2022_jp", "iso2022_kr", "hz"]:
    enc = codecs.getincrementalencoder(name)()
    parts = [enc.encode(ch) for ch in "a\u3042\u3044b\u3046"]
    parts.append(enc.encode("", True))
    print(name, parts, b"".join(parts) == "a\u3042\u3044b\u3046".encode(name))
    dec = codecs.getincrementaldecoder(name)()
    data = b"".join(parts)
    print(name, ascii("".join(dec.decode(data[i:i + 1]) for i in range(len(data)))))

# getstate / setstate
enc = codecs.getincrementalencoder("iso2022_jp")()
print(enc.getstate(), enc.encode("\u3042"), enc.getstate())
jp_state = enc.getstate()
print(enc.encode("z"))
enc.setstate(jp_state)
print(enc.encode("\u3042"))
enc = codecs.getincrementalencoder("iso2022_kr")()
print(enc.getstate(), enc.encode("\ud55c"), enc.getstate())
enc = codecs.getincrementalencoder("hz")()
print(enc.getstate(), enc.encode("中"), enc.getstate(), enc.encode("a"), enc.getstate())
enc = codecs.getincrementalencoder("euc_jis_2004")()
print(enc.getstate(), enc.encode("\u00e6"), enc.getstate(), enc.encode("\u0300"), enc.getstate())
print(enc.encode("\u00e6"), enc.encode("", True))
dec = codecs.getincrementaldecoder("iso2022_jp")()
print(dec.getstate(), dec.decode(b"\x1b$B$\""), dec.getstate(), dec.decode(b"\x1b"), dec.getstate())
dec = codecs.getincrementaldecoder("iso2022_kr")()
print(dec.getstate(), dec.decode(b"\x1b$)C\x0e!]"), dec.getstate())
dec = codecs.getincrementaldecoder("euc_jp")()
print(dec.decode(b"\xa4"), dec.getstate())
dec.setstate((b"abc", 123456789))
print(dec.getstate())
for bad in [123, ("x", 0), (b"1234", "x"), (b"123456789", 0)]:
    try:
        codecs.getincrementaldecoder("euc_jp")().setstate(bad)
    except (TypeError, UnicodeError) as e:
        print(type(e).__name__, bad)
enc = codecs.getincrementalencoder("euc_jp")()
for bad in [int.from_bytes(b"\x09" + bytes(16), "little"),
            int.from_bytes(b"\x01\xff" + bytes(8), "little")]:
    try:
        enc.setstate(bad)
    except UnicodeError as e:
        print(type(e).__name__)
try:
    del enc.errors
except AttributeError:
    print("AttributeError")
enc.errors = "replace"
print(enc.errors, enc.encode("\u0100"))
