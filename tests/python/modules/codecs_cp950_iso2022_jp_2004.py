# cp950 (Microsoft's Big5, with the ETEN rows and the euro sign) and iso2022_jp_2004 (JIS
# X 0208 and JIS X 0213:2004 behind ISO-2022 escapes) encode and decode as CPython's
# tables do, incrementally too; big5 keeps refusing what only cp950 has.
import codecs

samples = {
    "cp950": "abc 中文字 ヾゝ々ぁ ЁДж ①⑴ \u20ac \u2554\u2593 \u7881 \u00a5\u2022\uff64 end",
    "iso2022_jp_2004": "abc 日本語、鷗外と俱に 𠂉 ~ \u2985\u2986 \u2015 か æ end",
}
for codec, text in samples.items():
    data = text.encode(codec)
    print(codec, codecs.lookup(codec).name, data.hex())
    print(data.decode(codec) == text.replace("\u00a5", "\uffe5").replace("\u2022", "\u2027")
          .replace("\uff64", "\ufe51") if codec == "cp950" else data.decode(codec) == text)
    for step in (1, 3):
        dec = codecs.getincrementaldecoder(codec)()
        out = "".join(dec.decode(data[i:i + step]) for i in range(0, len(data), step))
        enc = codecs.getincrementalencoder(codec)()
        back = b"".join(enc.encode(text[i:i + step]) for i in range(0, len(text), step))
        print(step, out + dec.decode(b"", True) == data.decode(codec), back + enc.encode("", True) == data)

for codec, bad in [("cp950", b"\xc8\xa1x"), ("cp950", b"\xc6\xa1\xc7\xfd"), ("big5", b"\xa3\xe1"),
                   ("big5", b"\xf9\xd6"), ("iso2022_jp_2004", b"\x1b$(O!!"),
                   ("iso2022_jp_2004", b"\x1b$(Q\x2e\x21\x7f"), ("iso2022_jp_2004", b"\x1b(J")]:
    try:
        print(codec, ascii(bad.decode(codec)))
    except UnicodeDecodeError as e:
        print(codec, e.start, e.end, e.reason, ascii(bad.decode(codec, "replace")))
for codec, text in [("cp950", "\uf6b1"), ("big5", "\u20ac"), ("iso2022_jp_2004", "\uff5e"),
                    ("iso2022_jp_2004", "\u2014"), ("iso2022_jp_3", "\u4ff1")]:
    try:
        print(codec, text.encode(codec))
    except UnicodeEncodeError as e:
        print(codec, e.start, e.end, e.reason, text.encode(codec, "replace"))
