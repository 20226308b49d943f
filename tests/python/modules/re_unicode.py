# Unicode and bytes: \w \d \s on non-ASCII text, case-insensitive letters beyond ASCII,
# bytes patterns over bytes, bytearray and memoryview subjects.
import re

text = "naïve café ÆØÅ 漢字 ١٢٣ ٤"
print(re.findall(r"\w+", text), re.findall(r"\d+", text), re.findall(r"\d+", text, re.A))
print(re.findall(r"\s", "a\u00a0b\u2003c\td\u3000"), re.findall(r"\S+", "x\u2028y"))
print(re.findall(r"[à-ÿ]", "aàbÿ"), re.findall(r"[α-ω]+", "ΑΒΓ αβγ"), re.match(r"(?i)ÉCOLE", "école"))
print(re.match("(?i)ǅ", "ǆ"), re.match("(?i)straße", "STRASSE"), re.match("(?i)ω", "Ω"), re.match("(?i)[ω]", "Ω"))
print(re.search("😀+", "ab😀😀c"), re.findall(".", "a😀b"), re.match("[😀-😂]", "😁"))
print(re.sub(r"(\w)", r"<\1>", "é漢"), re.split(r"\W+", "один, два; три"))
print(re.match(rb"\xe9+", b"\xe9\xe9x"), re.match(rb"[\x80-\xff]+", bytes(range(0x7e, 0x90))[2:] + b"a").span())
print(re.match(rb"ab", bytearray(b"abc")), re.match(rb"b", memoryview(b"abc")), type(re.search(rb"b", memoryview(b"abc")).string).__name__)
print(re.findall(rb"\w", bytearray(b"a-b")), re.sub(rb"b", rb"x", memoryview(b"abc")), re.match(rb"\w", b"\xe9"))
print(re.fullmatch(r"[\u4e00-\u9fff]+", "漢字"))

# Big character sets (BIGCHARSET code), with the compiler's word packing done in Python
# so that this part does not depend on memoryview.cast (re_bigcharset.py tests that).
import re._compiler
import sys

re._compiler._bytes_to_codes = lambda b: [int.from_bytes(b[i:i + 4], sys.byteorder) for i in range(0, len(b), 4)]
print(re.findall(r"[a-z]+", "Hello World", re.I), re.findall(r"[αγε]", "αβγδε"), re.findall(r"[^αγε]", "αβγδε"))
print(re.findall(r"[\u2018\u2019\u201c\u201d]", "\u2018a\u2019 \u201cb\u201d"), re.match(r"(?i)[k]", "\u212a"))
print(re.findall(r"[^\u0100\u0102\u0104]", "\u0100a\u0102b"), re.match(r"(?i)[α-ω]+", "ΑΒΓαβγ"), re.findall(r"(?i)[sk]", "SſKK"))
