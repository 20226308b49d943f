# The re module on top of _sre: the matching entry points, positions, scanners, and the
# Pattern object's own behaviour (repr, equality, copying).
import copy
import re

p = re.compile(r"\d+")
print(p.match("123abc"), p.match("abc123"), p.search("abc123def"))
print(p.fullmatch("123"), p.fullmatch("123a"), re.fullmatch(r"a|ab", "ab"))
print(p.findall("a1b22c333"), [m.span() for m in p.finditer("x12y345")])
print(p.match("ab12", 2), p.match("ab12", 2, 3), p.search("1234", 1, 3).group())
print(p.search("12", 5), p.match("12", -5), re.compile("").match("abc", 2, 1))
print(re.compile("^a").search("ba", 1), re.compile("a$").search("ab", 0, 1))

# pattern attributes, repr, equality, hashing, copying
q = re.compile(r"(?P<first>\w+) (\w+)", re.I | re.M)
print(q.pattern, q.flags == re.I | re.M | re.U, q.groups, q.groupindex)
print(repr(q), repr(re.compile(b"x", re.I)), repr(re.compile("a" * 210))[-20:])
print(q == re.compile(r"(?P<first>\w+) (\w+)", re.I | re.M), q == re.compile("x"), q != q)
print(hash(re.compile("abc")) == hash(re.compile("abc")), copy.copy(q) is q, copy.deepcopy(q) is q)
print(re.Pattern[str], re.Match[bytes], type(q).__name__, type(q).__module__)

# scanner and finditer
sc = re.compile(r"\w").scanner("ab c")
print(sc.match(), sc.match(), sc.match(), sc.search(), sc.search(), sc.pattern.pattern)
print(type(re.finditer("a", "a")).__name__, [m.group() for m in re.finditer(r"\w+", "one two  three")])

# quantifiers and alternation
print(re.match(r"(a|ab)(c|bcd)(d*)", "abcd").groups())
print(re.match(r"x{2,3}?", "xxxx"), re.match(r"(?:x{2}){2,}", "xxxxxxx"), re.match(r"a{3}", "aa"))
print(re.match(r"(?:a|b)*?c", "ababc"), re.match(r"(a+)+b", "aaab"), re.match(r".*", "ab\ncd"))
print(re.findall(r"a*?", "aa"), re.findall(r"\b\w+\b", "it's a dog"))
print(re.match(r"(?:(a)|b)*", "ab").groups(), re.match(r"(a)*", "aaa").span(1))

# long subjects: explicit backtracking stack, no recursion limit
s = "ab" * 50000
print(len(re.match(r"(?:a|b)*", s).group()), re.match(r"(?:ab)*c", s + "c").end())
print(len(re.findall(r"a", s)), re.search(r"b{2}", s), len(re.match(r"(ab)*", s).group(1)))
print(re.search(r"x$", "a" * 100000 + "x").start())
