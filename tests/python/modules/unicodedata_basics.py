# unicodedata: the four normalization forms on accented, Hangul, compatibility and
# reordered strings; category, bidirectional, combining, east_asian_width, mirrored and
# decomposition of a spread of characters; name and lookup (aliases, named sequences,
# Hangul syllables, CJK ideographs, case); decimal, digit and numeric with defaults; and
# the errors with their messages. Characters are ones whose properties Unicode keeps
# stable (the interpreter's property data may be one Unicode version newer than 14.0).
import unicodedata


def show(f, *args):
    try:
        print(repr(f(*args)))
    except Exception as e:
        print(type(e).__name__, e)


print(unicodedata.unidata_version)

# normalization
samples = [
    "caf\u00e9", "cafe\u0301", "\u00c5ngstr\u00f6m", "A\u030a", "\u212b", "\u1e09",
    "c\u0327\u0301", "c\u0301\u0327", "a\u0316\u0301\u0300", "\ufb01ne", "\u00bd",
    "\u2460\u2461", "x\u00b2", "\uff21\uff22", "\u1100\u1161\u11a8", "\uac01", "\uac00\u11a8",
    "\u3300", "\ufdfa", "\u0344", "\u0f73", "\u2126", "e\u0301\u0301", "", "plain ascii",
    "\U0001d400", "\u03d3", "\u1e9b\u0323", "\ud800\u0301", "a\ud800e\u0301",
]
for s in samples:
    row = []
    for form in ("NFC", "NFD", "NFKC", "NFKD"):
        n = unicodedata.normalize(form, s)
        row.append(n.encode("utf-8", "surrogatepass").hex(" "))
        assert unicodedata.is_normalized(form, n), (form, s)
        assert unicodedata.is_normalized(form, s) == (n == s)
    print(repr(s), "|", " | ".join(row))
print(unicodedata.normalize("NFC", "abc") == "abc", unicodedata.is_normalized("NFD", "\u00e9"))

# properties
chars = "aZ5 \t\n\u00a0\u00e9\u0301\u0316\u0327\u05d0\u0627\u0661\u06f1\u0966\u00bd\u2153" \
        "\u2460\u00b2\u216b\u4e00\u4e07\uac00\uff21\uff61\u20ac\u00a7(\u00ab)\u2028\u200b" \
        "\u200d\ufeff\ud800\ue000\U0001f600\U0001d400\U00020000\u0300\u3000\u2192" \
        "\u0e3f\u1e09\u3300\u0008\x7f\u00ad\u202e\u2066"
for c in chars:
    print("%04X" % ord(c), unicodedata.category(c), repr(unicodedata.bidirectional(c)),
          unicodedata.combining(c), unicodedata.mirrored(c), unicodedata.east_asian_width(c),
          repr(unicodedata.decomposition(c)), unicodedata.decimal(c, None),
          unicodedata.digit(c, None), unicodedata.numeric(c, None), unicodedata.name(c, "-"))

# names
for c in ["a", "\u00e9", "\u4e00", "\u9fa5", "\U00020000", "\uac00", "\uac01", "\ud7a3",
          "\uf900", "\U0001f600", "\u20ac", " ", "\u1100"]:
    n = unicodedata.name(c)
    print(repr(n), unicodedata.lookup(n) == c)
for n in ["LATIN SMALL LETTER A", "latin small letter a", "Euro Sign", "HANGUL SYLLABLE GAG",
          "HANGUL SYLLABLE HIH", "CJK UNIFIED IDEOGRAPH-4E00", "CJK UNIFIED IDEOGRAPH-20000",
          "CJK COMPATIBILITY IDEOGRAPH-F900", "cjk compatibility ideograph-f900", "NULL",
          "BYTE ORDER MARK", "byte order mark", "LATIN CAPITAL LETTER GHA",
          "LATIN CAPITAL LETTER A WITH MACRON AND GRAVE", "KEYCAP NUMBER SIGN", b"SPACE",
          "hangul syllable ga", "HANGUL SYLLABLE gA", "CJK UNIFIED IDEOGRAPH-4e00",
          "cjk unified ideograph-4E00", "CJK COMPATIBILITY IDEOGRAPH-0F900", "NO SUCH NAME",
          "", "A" * 256, "A" * 257, "caf\u00e9", bytearray(b"SPACE"), 3, "A\udcff", b"\xc3\xa9",
          "LATIN SMALL LETTER A\x00"]:
    show(unicodedata.lookup, n)
show(unicodedata.name, "\x00")
show(unicodedata.name, "\U000e0080")
print(unicodedata.name("\x00", None), unicodedata.name("\ue000", "private"))

# numeric values
for c in "7\u0663\u00b2\u2460\u00bd\u2155\u216b\u4e07\u5146\U00010107\u0f33x":
    print(repr(c), unicodedata.decimal(c, "no"), unicodedata.digit(c, "no"),
          unicodedata.numeric(c, "no"))
for f in (unicodedata.decimal, unicodedata.digit, unicodedata.numeric):
    show(f, "x")
    show(f, "\u00bd")
    print(f("x", None), f("9"))

# argument errors
show(unicodedata.category, "ab")
show(unicodedata.category, "")
show(unicodedata.mirrored, 3)
show(unicodedata.name, "ab")
show(unicodedata.numeric, 1)
show(unicodedata.normalize, "NFX", "a")
show(unicodedata.normalize, 1, "a")
show(unicodedata.normalize, "NFC", b"a")
show(unicodedata.is_normalized, "nfc", "a")
show(unicodedata.normalize, "NFC")
show(unicodedata.category)
show(unicodedata.name)

# \N{...} escapes find names as lookup does, named sequences aside
print("\N{latin small letter a}", "\N{NULL}" == "\0", "\N{BOM}" == "\ufeff", "\N{EURO SIGN}")
for src in ["'\\N{hangul syllable ga}'", "'\\N{HANGUL SYLLABLE GA}'", "'\\N{KEYCAP NUMBER SIGN}'"]:
    try:
        print(repr(eval(src)))
    except SyntaxError as e:
        print("SyntaxError", e.msg)
