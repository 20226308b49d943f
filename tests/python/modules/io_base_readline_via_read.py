# IOBase.readline on a stream class written in Python reads through the class's own
# read() (and peek() where it has one); zipfile's member files rely on it.
import io
import zipfile


class Src(io.BufferedIOBase):
    def __init__(self, data, with_peek):
        self.data = data
        self.pos = 0
        self.reads = []
        if with_peek:
            self.peek = self._peek

    def readable(self):
        return True

    def read(self, n=-1):
        self.reads.append(n)
        end = len(self.data) if n < 0 else self.pos + n
        out = self.data[self.pos:end]
        self.pos += len(out)
        return out

    def _peek(self, n=0):
        return self.data[self.pos:self.pos + 4]


for with_peek in (False, True):
    s = Src(b"ab\ncdefgh\nlast", with_peek)
    print(s.readline(), s.readline(2), s.readline(), s.readline(), s.readline())
    print(s.reads[:8])
    s = Src(b"x\ny\n", with_peek)
    print(list(s), s.readlines())


class Wrong(io.RawIOBase):
    def read(self, n=-1):
        return "text"


try:
    Wrong().readline()
except OSError as e:
    print(type(e).__name__, e)

b = io.BytesIO()
with zipfile.ZipFile(b, "w") as z:
    z.writestr("a.txt", "one\ntwo\n" + "three " * 50 + "\nend")
    z.writestr("b.txt", "x\n", compress_type=zipfile.ZIP_DEFLATED)
with zipfile.ZipFile(b) as z:
    with z.open("a.txt") as f:
        print(f.read(2), f.readline(), f.readline(3), f.readline(), len(f.readline()), f.readline())
    with z.open("a.txt") as f:
        print([len(line) for line in f])
    with z.open("b.txt") as f:
        print(f.readlines())
    with io.TextIOWrapper(z.open("a.txt"), encoding="utf-8") as f:
        print(f.readline(), f.read(3))
