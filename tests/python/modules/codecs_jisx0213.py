# JIS X 0213 codecs: kana with a combining semi-voiced mark are one code of the charset and
# two code points; a kana that could take the mark is decided only by what follows it (the
# next character, or the end of the input). Decoding must neither repeat nor lose them,
# nor stop making progress (it once looped for ever on "か゚ " followed by a cut byte).
samples = ["ノか゚ ト゚ トキ", "か", "かか", "xか゚", "か゚", "セ゚ト゚ツ゚", "ㇷ゚ㇺ", "日本語のか゚き"]
for enc in ("euc_jisx0213", "shift_jisx0213", "euc_jis_2004", "shift_jis_2004"):
    for s in samples:
        b = s.encode(enc)
        back = b.decode(enc)
        print(enc, repr(s), b.hex(), back == s)
    cut = "ノか゚ ト".encode(enc)[:-1]
    print(enc, "cut:", repr(cut.decode(enc, "replace")), repr(cut.decode(enc, "ignore")))
    try:
        cut.decode(enc)
    except UnicodeDecodeError as e:
        print(enc, "strict:", e.start, e.end, e.reason)
    long_text = ("か゚き" * 3000 + "テスト\n") * 5
    print(enc, "long:", long_text.encode(enc).decode(enc) == long_text)
