# Stream classes written in Python over io.TextIOBase / io.BufferedIOBase: writelines goes
# through the class's write(), the base's unsupported methods name themselves, and
# TextIOBase's encoding/errors/newlines are None.
import io


class S(io.TextIOBase):
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)

    def writable(self):
        return True


s = S()
print("hi", file=s)
s.writelines(["a", "b"])
print(s.parts, s.closed, s.readable(), s.encoding, s.errors, s.newlines)
for op in ("read", "readline"):
    try:
        getattr(s, op)()
    except io.UnsupportedOperation as e:
        print(op, type(e).__name__, e)
s.close()
try:
    s.writelines(["x"])
except ValueError as e:
    print("ValueError", e)


class B(io.BufferedIOBase):
    pass


for op in ("read", "read1"):
    try:
        getattr(B(), op)(1)
    except io.UnsupportedOperation as e:
        print(op, type(e).__name__, e)

sio = io.StringIO("a\nb")
print(sio.encoding, sio.errors, sio.newlines)
tw = io.TextIOWrapper(io.BytesIO(b"x"), encoding="utf-8")
print(tw.encoding, tw.errors, tw.newlines)
