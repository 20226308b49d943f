# Errors of the re package with _sre underneath: wrong subject types, mixing str and
# bytes, bad arguments, and re.error from the (Python) parser with its position.
import re

def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

p = re.compile("a")
attempt(lambda: p.match(1))
attempt(lambda: p.search(None))
attempt(lambda: p.match(b"a"))
attempt(lambda: re.compile(b"a").match("a"))
attempt(lambda: re.sub("a", b"x", "a"))
attempt(lambda: re.sub(b"a", "x", b"a"))
attempt(lambda: re.sub("a", lambda m: 1, "a"))
attempt(lambda: p.match())
attempt(lambda: p.match("a", 1, 2, 3))
attempt(lambda: p.match("a", foo=1))
attempt(lambda: p.match("a", pos="x"))
attempt(lambda: p.sub("a", "b", "c", "d", "e"))
attempt(lambda: p.split())
attempt(lambda: re.Pattern())
attempt(lambda: re.Match())
attempt(lambda: re.match("(a)", "a").group(2))
attempt(lambda: re.match("(a)", "a").start(1, 2))
attempt(lambda: re.compile("a").match(string="a", pos=0, endpos=1))
for bad in ["(", "a)", "[a", "a**", "(?P<1>a)", r"(?<=a+)b", r"\1", "(?P=nope)", "x{2,1}", r"\q", "(?z)"]:
    try:
        re.compile(bad)
    except re.error as e:
        print(repr(bad), "->", e.msg, e.pos)
attempt(lambda: re.sub("(a)", r"\2", "a"))
attempt(lambda: re.sub("(a)", r"\g<x>", "a"))
