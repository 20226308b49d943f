# codecs: UTF-7 (RFC 2152): which characters go into base64, how runs end, surrogate
# pairs, the decoder's errors and their ranges, incremental decoding of an open run.
import codecs

for text in ["h\xe9llo", "+", "a+b", "~\\", "A\u2262\u0391.", "Hi Mom -\u263a-!", "\u65e5\u672c\u8a9e",
             "\U0001f600x", "\ud800", "\udc00a", "\xe9-", "\xe9.", "\xe9a", "\xe9!", "\xe9 \n",
             "\"#$%&*;<=>@[]^_`{|}", "\x00\x01\x7f", "\xe9+", "\xe9~"]:
    data = text.encode("utf-7")
    print(ascii(text), data, data.decode("utf-7") == text)

cases = [b"+", b"+-", b"a+b", b"+!", b"+\x80", b"+AOk", b"+AOk-", b"+AOkA", b"+AOkA-", b"+AOkB-x",
         b"+AO-", b"+AOk!", b"\xe9", b"a\x80b", b"+2D3cAQ-", b"+2D0-", b"+2D0", b"+2D0!",
         b"+2D0\x80", b"+3AE-", b"+2D0AYQ-", b"+AGEAYgBj", b"x+AGEAYgB-y", b"x+AGEAYgB",
         b"+AOkA!z", b"+AOk+-", b"++", b"+-+AOk", b"ab+AGE-+"]
for data in cases:
    try:
        print(data, ascii(data.decode("utf-7")))
    except UnicodeDecodeError as e:
        print(data, "error:", e.encoding, e.start, e.end, e.reason)
    for errors in ("replace", "ignore", "backslashreplace"):
        print("   ", errors, ascii(data.decode("utf-7", errors)))
    print("    partial", [codecs.utf_7_decode(data[:n], "replace", False) for n in range(len(data) + 1)])

def tagged(exc):
    return ("<%d:%d %s>" % (exc.start, exc.end, exc.reason), exc.end)
codecs.register_error("test.utf7tag", tagged)
print(b"x+AGEAYgB-y+AOkA!z\x80".decode("utf-7", "test.utf7tag"))

print(codecs.utf_7_encode("\xe9"), codecs.utf_7_decode(b"+AOk-"), codecs.utf_7_decode(b"+AOk"))
print(codecs.utf_7_decode(b"+AOk", "strict", True))
print(codecs.lookup("U7").name, codecs.lookup("unicode-1-1-utf-7").name, codecs.lookup("UTF7").name)
decoder = codecs.getincrementaldecoder("utf-7")()
print([decoder.decode(bytes([b])) for b in b"h+AOk-llo+ZeVnLIqe-!"], decoder.decode(b"", True))
encoder = codecs.getincrementalencoder("utf-7")()
print([encoder.encode(c) for c in "h\xe9llo\u65e5\u672c!"], encoder.encode("", True))
try:
    b"a+b".decode("utf-7")
except UnicodeDecodeError as e:
    print(e)
