# Flags: IGNORECASE, MULTILINE, DOTALL, VERBOSE, ASCII, LOCALE (bytes), inline and
# scoped flags, and how a pattern's repr shows them.
import re

print(re.match("abc", "ABC", re.I), re.match("(?i)abc", "AbC"), re.match("a(?i:b)c", "aBc"), re.match("a(?i:b)c", "aBC"))
print(re.findall("^\\w+", "one\ntwo\nthree", re.M), re.findall("\\w+$", "one\ntwo", re.M), re.findall("^x", "x\nx"))
print(re.match(".+", "a\nb", re.S).group(), re.match(".+", "a\nb").group(), re.match("(?s:.)", "\n"))
print(re.search("a$", "a\n"), re.search("a\\Z", "a\n"), re.search("\\Aa", "ba"), re.search("(?m)a$", "a\nb"))
verbose = re.compile(r"""
    (\d{3})   # area
    [-\s]?    # separator
    (\d{4})   # number
""", re.X)
print(verbose.match("555 1234").groups(), verbose.match("5551234").groups())
print(re.match(r"\w+", "héllo").group(), re.match(r"\w+", "héllo", re.A).group(), re.match(r"(?a)\d", "٣"))
print(re.match(rb"(?i)abc", b"ABC"), re.match(rb"abc", b"ABC", re.I | re.L), re.match(rb"\w+", b"ab\xe9"))
print(re.match("[b-d]+", "BcD", re.I), re.match("[^x]+", "aXb", re.I), re.match("x", "X", re.I | re.A))
print(re.compile("a", re.I | re.M | re.S | re.X | re.A), re.compile(b"a", re.I | re.L), re.compile("a", re.U))
print(re.compile("a").flags, re.compile(b"a").flags, re.compile("(?x) a").flags, re.compile("(?i)a").flags)
print(re.match(r"(?i)Σ+", "σςΣ"), re.match("(?i)k", "\u212a"), re.match("(?i)s", "\u017f"), re.match("(?ia)s", "\u017f"))
print(re.match(r"\bfoo\b", "foo bar"), re.search(r"\Bo\B", "foo"), re.search(r"\b", ""), re.findall(r"\B", "ab"))
