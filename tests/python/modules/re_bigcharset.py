# Character classes that re/_compiler.py compiles to BIGCHARSET (more than two runs of
# characters beyond Latin-1, or case-insensitive classes whose case variants include
# such characters): the compiler packs them with memoryview.cast('I').
import re

print(re.findall(r"[a-z]+", "Hello World", re.I), re.findall(r"[αγε]", "αβγδε"))
print(re.findall(r"[\u2018\u2019\u201c\u201d]", "\u2018a\u2019 \u201cb\u201d"), re.match(r"(?i)[k]", "\u212a"))
print(re.findall(r"[^\u0100\u0102\u0104]", "\u0100a\u0102b"), re.match(r"(?i)[α-ω]+", "ΑΒΓαβγ"))
