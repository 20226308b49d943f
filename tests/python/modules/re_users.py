# Standard modules that rest on re: textwrap, fnmatch, and a tokenizer written the way
# many programs use re.Scanner-like loops (finditer over an alternation of named groups).
import fnmatch
import re
import textwrap

print(textwrap.wrap("The quick brown fox jumps over the lazy dog", 15))
print(textwrap.fill("a " * 12, width=10))
print(repr(textwrap.dedent("    one\n      two\n    three\n")), repr(textwrap.indent("a\nb\n", "> ")))
print(textwrap.shorten("Hello  world, this is a long line", width=20))
print(fnmatch.fnmatch("setup.py", "*.py"), fnmatch.fnmatch("a.txt", "*.py"), fnmatch.filter(["a1", "b2", "a3"], "a?"))
print(fnmatch.fnmatchcase("ABC", "a*"), fnmatch.translate("[!a-c]*.?"))

spec = [("NUMBER", r"\d+(?:\.\d*)?"), ("NAME", r"[A-Za-z_]\w*"), ("OP", r"[+\-*/=()]"), ("SKIP", r"\s+"), ("BAD", r".")]
tok = re.compile("|".join("(?P<%s>%s)" % pair for pair in spec))
print([(m.lastgroup, m.group()) for m in tok.finditer("x = 3.5 * (y + 42)") if m.lastgroup != "SKIP"])
