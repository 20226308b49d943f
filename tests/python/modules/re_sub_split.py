# Substitution and splitting: templates, callables, counts, empty matches (the 3.7+
# rules), groups in split results, bytes.
import re

print(re.sub(r"(\w)(\d)", r"\2\1", "a1 b2 c3"), re.sub(r"(?P<w>\w+)", r"<\g<w>>", "hi there"))
print(re.sub("a", "b", "aaa", count=2), re.subn("a", "b", "aaa"), re.subn("x", "y", "abc"))
print(re.sub(r"\d+", lambda m: str(int(m.group()) * 2), "a1 b22 c333"))
print(re.sub(r"\s+", " ", "  lots   of\tspace \n"), re.sub("(a)|b", r"[\1]", "ab"))
print(re.sub("x*", "-", "abxd"), re.sub("", "-", "abc"), re.sub("a|", "-", "bab"))
print(re.sub(r"\b", "|", "ab cd"), re.sub("(?m)^", "> ", "one\ntwo"))
print(re.sub("a", r"\n\t\\", "xa"), re.sub("a", lambda m: "", "banana"))
print(re.sub(b"a", b"b", b"abc"), re.sub(b"a", b"b", bytearray(b"abc")), re.subn(rb"(\w)", rb"\1\1", b"ab"))
print(re.compile("o").sub("0", "foo boo", 1), re.sub("x", "y", "abc", count=-1))

print(re.split(r",\s*", "a, b,c,  d"), re.split(r"(,)\s*", "a, b,c"), re.split(r"(,)|(;)", "a,b;c"))
print(re.split("x*", "axbc"), re.split(r"\b", "a b"), re.split("", "abc"))
print(re.split(",", "a,b,c,d", maxsplit=2), re.split(",", "a,b", maxsplit=-1), re.split("z", ""))
print(re.split(rb"\s", b"a b\tc"), re.split("(a)?b", "xbyab"))

print(re.findall(r"(\w)=(\d)?", "a=1 b= c=3"), re.findall(r"(\d)", "a1b2"), re.findall("", "ab"))
print(re.findall(r"\w+", "αβγ δ"), re.findall(rb"[a-c]+", b"abxcab"))
print(re.escape("a.b*c?"), re.sub(re.escape("1+1"), "2", "1+1=?"))
