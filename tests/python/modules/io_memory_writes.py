# StringIO and BytesIO after many writes at the end (kept aside and joined when read):
# every reader sees them, in order, whatever comes between; readlines(hint) stops at the
# line that reaches the hint
import io

for cls, unit in ((io.StringIO, "ab"), (io.BytesIO, b"ab")):
    s = cls()
    for i in range(5000):
        s.write(unit)
    print(cls.__name__, s.tell(), len(s.getvalue()), s.getvalue()[:6])
    s.seek(3)
    print(s.read(4), s.tell())
    s.write(unit * 2)  # inside the content: overwrites
    print(s.tell(), s.getvalue()[:12])
    s.seek(0, 2)
    s.write(unit[:1])
    s.write(unit[:1])
    print(s.tell(), len(s.getvalue()), s.getvalue()[-5:])
    s.seek(20000)  # past the end: the gap is filled with zeros on the next write
    s.write(unit)
    v = s.getvalue()
    print(len(v), v[10000:10004], v[-4:])
    s.truncate(8)
    s.seek(8)
    s.write(unit)
    print(s.tell(), s.getvalue())
    s.seek(0)
    s.write(unit)
    s.seek(0, 2)
    for _ in range(3):
        s.write(unit)
    print(s.read(), s.getvalue(), s.tell())

b = io.BytesIO()
for i in range(100):
    b.write(bytes([65 + i % 26]))
view = b.getbuffer()
print(bytes(view[:5]), len(view))
view.release()
b.write(b"!")
print(b.getvalue()[-3:], b.tell())

raw = io.BytesIO()
text = io.TextIOWrapper(raw, encoding="utf-8", newline="\n")
for i in range(1000):
    text.write("line %d\n" % i)
text.flush()
print(len(raw.getvalue()), raw.getvalue()[:14])
text.seek(0)
print(text.readline(), len(text.readlines()))

lines = io.StringIO()
for i in range(10):
    lines.write("1234567890\n")
lines.seek(0)
print(len(lines.readlines(15)), len(lines.readlines(0)))
lines.seek(0)
print(lines.readlines(None)[-1], end="")
try:
    lines.readlines("")
except TypeError as e:
    print("TypeError", e)

s = io.StringIO()
s.write("x")
s.close()
for op in (s.getvalue, s.read, lambda: s.write("y")):
    try:
        op()
    except ValueError as e:
        print("ValueError", e)
