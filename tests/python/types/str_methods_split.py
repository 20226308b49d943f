# split/rsplit/splitlines/partition/rpartition with separators, maxsplit and edge cases.
print("a,b,,c".split(","), "a,b,,c".split(",", 1), "a,b,,c".rsplit(",", 1))
print("  a  b \t c\n".split(), "  a  b  ".split(None, 1), "  a  b  ".rsplit(None, 1))
print("".split(), "".split(","), "abc".split("abc"))
print("l1\nl2\r\nl3\rl4\x0bl5\x1cl6\u2028l7".splitlines())
print("a\nb\n".splitlines(True), "".splitlines())
print("key=value=x".partition("="), "key=value=x".rpartition("="), "none".partition("="), "none".rpartition("="))
try:
    "x".split("")
except ValueError as e:
    print(e)
