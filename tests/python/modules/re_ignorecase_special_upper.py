# Case-insensitive matching takes a character's uppercase as CPython's sre does: the first
# code point of a special (full) mapping, so LATIN SMALL LIGATURE LONG S T and ST are cased
# and match each other, as do other characters whose uppercase is several.
import _sre
import re

print(_sre.unicode_iscased(0xFB05), _sre.unicode_iscased(0xFB06), _sre.unicode_iscased(0xDF))
print(re.match(r"\ufb05", "\ufb06", re.I), re.match(r"[\ufb04-\ufb05]", "\ufb06", re.I))
print(re.match(r"\ufb06", "\ufb05", re.I) is not None, re.match(r"\ufb05", "\ufb06") is None)
print(sum(1 for c in range(0x110000) if _sre.unicode_iscased(c)))
print(sum(1 for c in range(0x80, 0x3000) if re.match("[%s]" % re.escape(chr(c)), chr(c).upper()[0], re.I)))
