# codecs: the CJK multibyte codecs (_multibytecodec and _codecs_jp/cn/kr/tw/iso2022):
# round trips of real text, aliases, errors with their ranges under each handler,
# incremental decoding split inside a character, and files read and written through open().
import codecs
import os
import tempfile

samples = {
    "shift_jis": "日本語のテキスト、ｶﾀｶﾅ and ASCII \\ ~ 〜−",
    "cp932": "髙橋さんの①番 ～ ⅰⅱ ∵",
    "euc_jp": "東京都 ひらがな カタカナ ÿ",
    "iso2022_jp": "こんにちは、世界! ABC 漢字",
    "gbk": "中文测试：简体和繁體 abc",
    "gb2312": "你好，世界。",
    "gb18030": "汉字 € 😀 ÿ",
    "big5": "繁體中文 蔣·中正 ¥",
    "euc_kr": "한국어 텍스트입니다 €",
    "cp949": "똠방각하 한글",
}
for enc, text in samples.items():
    data = text.encode(enc)
    print(enc, codecs.lookup(enc).name, data.hex(), data.decode(enc) == text)

for alias in ("sjis", "SJIS", "s_jis", "ms932", "mskanji", "ms_kanji", "eucjp", "ujis", "u_jis",
              "csiso2022jp", "iso2022jp", "cp936", "ms936", "chinese", "euc_cn", "gb18030_2000",
              "big5_tw", "csbig5", "euckr", "ksc5601", "uhc", "ms949", "shift-jis", "EUC-JP"):
    print(alias, codecs.lookup(alias).name)

print("あ".encode("shift_jis"), b"\x82\xa0".decode("cp932"), b"\x5c\x7e".decode("shift_jis"))
print("¥‾".encode("shift_jis"), "\uff5e\u301c".encode("cp932"), "ⅰ髙".encode("cp932"))

def show(thunk):
    try:
        print("  ", ascii(thunk()))
    except (UnicodeDecodeError, UnicodeEncodeError) as e:
        print("  ", type(e).__name__, e.encoding, e.start, e.end, e.reason)

for enc in ("shift_jis", "cp932", "euc_jp", "iso2022_jp", "gbk", "gb18030", "big5", "euc_kr"):
    print(enc)
    for data in (b"a\x82 b", b"\x80", b"\x82", b"ok\xff", b"\x1b$Bxx\x1b(B", b"\x1b$B$", b"a\x81\x39"):
        for errors in ("strict", "replace", "ignore", "backslashreplace"):
            show(lambda: data.decode(enc, errors))
    for text in ("a\U0001f600b", "\u20ac\udc80x"):
        for errors in ("strict", "replace", "ignore", "backslashreplace", "xmlcharrefreplace"):
            show(lambda: text.encode(enc, errors))

try:
    "ab\U0001f600".encode("shift_jis")
except UnicodeEncodeError as e:
    print(e)
try:
    b"ab\x82".decode("euc_kr")
except UnicodeDecodeError as e:
    print(e)

def tagged(exc):
    return ("<%d:%d>" % (exc.start, exc.end), exc.end)
codecs.register_error("test.cjktag", tagged)
print(b"a\x80b\x82\xa0\xff".decode("shift_jis", "test.cjktag"))
print("a\U0001f600あ\u20ac".encode("euc_jp", "test.cjktag"))

for enc in ("shift_jis", "euc_jp", "gb18030", "big5", "cp949", "iso2022_jp"):
    text = "日本語 中文 한국어"[:3] + " 漢字テスト" if enc != "cp949" else "한국어 테스트"
    if enc == "gb18030":
        text = "汉字 😀 测试"
    if enc == "big5":
        text = "繁體中文測試"
    data = text.encode(enc)
    decoder = codecs.getincrementaldecoder(enc)()
    pieces = [decoder.decode(data[i:i + 1]) for i in range(len(data))]
    print(enc, pieces, decoder.decode(b"", final=True), "".join(pieces) == text)
    decoder = codecs.getincrementaldecoder(enc)()
    print("  ", decoder.decode(data[:3]), decoder.decode(data[3:]))

decoder = codecs.getincrementaldecoder("shift_jis")()
print(ascii(decoder.decode(b"a\x82")))
try:
    decoder.decode(b"", final=True)
except UnicodeDecodeError as e:
    print("final:", e.start, e.end, e.reason)

with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "text.txt")
    for enc in ("shift_jis", "euc_jp", "gbk", "big5", "euc_kr", "iso2022_jp"):
        lines = ["第一行 " + samples.get(enc, "")[:6] + "\n", "2行目 テスト\n" if "jp" in enc or "jis" in enc else "second\n"]
        with open(path, "w", encoding=enc) as f:
            f.writelines(lines)
        with open(path, "rb") as f:
            raw = f.read()
        with open(path, encoding=enc) as f:
            print(enc, len(raw), f.readlines() == lines)
        with open(path, encoding=enc) as f:
            print("  ", ascii(f.read(3)), ascii(f.read()))
        with codecs.open(path, encoding=enc) as f:
            print("  ", f.readline() == lines[0], f.read() == lines[1])
