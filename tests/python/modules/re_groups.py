# Groups of a match: by number and name, defaults for groups that did not take part,
# lastindex/lastgroup, regs, back references, conditionals and expand().
import re

m = re.match(r"(?P<key>\w+)=(?P<value>\w*)(;)?", "color=red")
print(m.group(), m.group(0), m.group(1), m.group("value"), m.group(1, "key", 3))
print(m.groups(), m.groups("-"), m.groupdict(), m.groupdict(default=0))
print(m.start(), m.end(2), m.span("key"), m.span(3), m.start(3), m[1], m["value"])
print(m.lastindex, m.lastgroup, m.regs, m.pos, m.endpos, m.string, m.re.pattern)
print(repr(m), bool(m))

print(re.match(r"(a)(b)?", "a").lastindex, re.match(r"((a)b)", "ab").lastindex)
print(re.match(r"(a)|b", "b").lastindex, re.match(r"(?P<x>a)(?P<y>b)", "ab").lastgroup)
print(re.match(r"(a)(?:b)", "ab").lastgroup, re.match("a", "a").lastindex)

# back references
print(re.match(r"(\w+) \1", "hey hey"), re.match(r"(\w+) \1", "hey you"))
print(re.search(r"(?P<q>['\"]).*?(?P=q)", "say 'hi' now").group())
print(re.match(r"(a)|\1", "x"), re.match(r"(?i)(ab)\1", "abAB"))
print(re.findall(r"(\w)\1", "aabbcdd"))

# conditionals on groups
pat = re.compile(r"(<)?(\w+@\w+(?:\.\w+)+)(?(1)>|$)")
print(pat.match("<user@host.com>"), pat.match("user@host.com"), pat.match("<user@host.com"))
print(re.match(r"(a)?(?(1)b)c", "c"), re.match(r"(?P<n>a)?(?(n)b|d)", "ab"))

# expand and template substitution of groups
m = re.match(r"(?P<a>\w+) (\w+)", "hello world")
print(m.expand(r"\2 \1"), m.expand(r"\g<a>-\g<2>-\g<0>"), m.expand("<\\n>"))

# nested and repeated groups keep their last iteration
print(re.match(r"((\w)\d)+", "a1b2c3").groups(), re.match(r"(?:(\d)|(\w))+", "1a").groups())
print(re.match(r"(a*)+", "b").groups(), re.match(r"(a*)*", "aa").span(1))
print(re.match(r"(?:(x)|y)*z", "xyz").group(1))

# errors
for bad in (5, "nope", -1, 1.5, [1]):
    try:
        m.group(bad)
    except Exception as e:
        print(type(e).__name__, e)
try:
    m.start(9)
except IndexError as e:
    print("IndexError", e)
