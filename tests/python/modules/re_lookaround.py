# Lookahead and lookbehind assertions, atomic groups, possessive and lazy quantifiers.
import re

print(re.search(r"(?<=a)b", "cab"), re.search(r"(?<!a)b", "abcb"), re.match(r"a(?=b)", "ab"), re.match(r"a(?!b)", "ab"))
print(re.findall(r"\w+(?=,)", "a, bb, ccc"), re.findall(r"(?<=\$)\d+", "$10 and $200 and 5"))
print(re.findall(r"(?<![\d.])\d+(?![\d.])", "1 2.5 33 4."), re.sub(r"(?<=\d)(?=(\d{3})+$)", ",", "1234567"))
print(re.match(r"(?=(a+))a*b\1", "baaabac"), re.search(r"(?=(a+))a*b\1", "baaabac"))
print(re.match(r"(?!abc)\w+", "abc"), re.match(r"(?!abc)\w+", "abd"), re.search(r"(?<=^)x", "x"))
print(re.search(r"(?<=(a))b", "ab").group(1), re.search(r"(?<!(a))b", "cb").groups())
print(re.match(r"(?>a+)b", "aaab"), re.match(r"(?>a+)a", "aaa"), re.match(r"(?>a|ab)c", "abc"))
print(re.match(r"a++a", "aaa"), re.match(r"a++b", "aab"), re.match(r"(?:ab)++c", "ababc"), re.match(r"(?:ab)*+ab", "abab"))
print(re.match(r"a?+a", "a"), re.match(r"a{1,2}+a", "aaa"), re.match(r"(?:a|ab){2}+c", "aabc"), re.match(r"(\w)*+", "ab").groups())
print(re.match(r"a*?b", "aaab"), re.match(r"a+?", "aaa"), re.match(r"a??", "a"), re.match(r"(a{2,}?)(a*)", "aaaaa").groups())
print(re.match(r"<.*?>", "<a><b>"), re.match(r"<.*>", "<a><b>"), re.match(r"(?:a|b)+?c", "abac"))
print(re.match(r"((?=a)|b)+", "b"), re.match(r"(?:(?=a))*", "a"), re.match(r"(?:)+", "x"), re.match("(a|)*b", "aab"))
