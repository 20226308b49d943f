import io
b = io.BytesIO()
for i in range(5):
    b.write(b"ab%d" % i)
    print(b.tell(), b.seekable(), b.writable(), b.readable())
print(b.seek(0, 2), b.tell())
print(b.seek(-4, 2), b.read())
b.seek(2)
b.write(b"XY")
print(b.getvalue(), b.tell())
b.seek(0, 2)
b.write(b"end")
print(b.seek(0, 2), b.getvalue())
s = io.StringIO()
for w in ["one\n", "two\n", "three"]:
    s.write(w)
    print(s.tell())
print(s.seek(0, 2), s.tell())
s.seek(0)
print(repr(s.read()))
with io.BytesIO() as f:
    f.write(b"x" * 10)
    print(f.tell(), f.seek(3), f.read(2), f.tell())
print(bool(b""), bool(b"a"), bool(""), bool("a"), bool([]), bool([0]), bool(()), bool((0,)), bool({}), bool({1: 2}))
class L(list):
    def __len__(self): return 0
class S(str):
    def __len__(self): return 5
print(bool(L([1])), len(L([1])), bool(S("")), len(S("")))
