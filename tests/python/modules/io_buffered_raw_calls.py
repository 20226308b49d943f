# BufferedReader/BufferedRandom over a raw stream read it on demand: the raw stream's
# readinto() calls, their sizes, and what each read gives.
import io


class LoggingRaw(io.RawIOBase):
    def __init__(self, data, chunk=None, writable=False):
        self.data = bytearray(data)
        self.pos = 0
        self.calls = []
        self.chunk = chunk
        self._writable = writable

    def readable(self):
        return True

    def writable(self):
        return self._writable

    def seekable(self):
        return True

    def readinto(self, b):
        self.calls.append(('readinto', len(b), type(b).__name__))
        n = len(b) if self.chunk is None else min(len(b), self.chunk)
        d = self.data[self.pos:self.pos + n]
        b[:len(d)] = d
        self.pos += len(d)
        return len(d)

    def write(self, b):
        b = bytes(b)
        self.calls.append(('write', len(b)))
        self.data[self.pos:self.pos + len(b)] = b
        self.pos += len(b)
        return len(b)

    def seek(self, off, whence=0):
        self.calls.append(('seek', off, whence))
        if whence == 0:
            self.pos = off
        elif whence == 1:
            self.pos += off
        else:
            self.pos = len(self.data) + off
        return self.pos

    def tell(self):
        self.calls.append(('tell',))
        return self.pos


data = b''.join(b'line %d\n' % i for i in range(6000))


def short(res):
    if isinstance(res, bytes) and len(res) > 24:
        return (len(res), res[:12], res[-12:])
    if isinstance(res, tuple):
        return tuple(short(r) for r in res)
    return res


def show(name, op, chunk=3000, cls=io.BufferedReader, **kw):
    raw = LoggingRaw(data, chunk=chunk)
    f = cls(raw, **kw)
    res = op(f)
    print(name, short(res), raw.calls)


show('read(1)', lambda f: f.read(1))
show('read(10000)', lambda f: f.read(10000))
show('read(20000)', lambda f: f.read(20000))
show('read twice', lambda f: (f.read(5), f.read(8000)))
show('read1(5)', lambda f: f.read1(5))
show('read1()', lambda f: f.read1())
show('read1 after read', lambda f: (f.read(2), len(f.read1(100000))))
show('peek', lambda f: len(f.peek(1)))
show('readline', lambda f: f.readline())
show('readline limit', lambda f: (f.readline(3), f.readline(100)))
show('readline long', lambda f: len(f.readline()), chunk=5)
show('readlines', lambda f: len(f.readlines()), chunk=None)
show('iterate', lambda f: sum(1 for _ in f), chunk=None)
show('readinto', lambda f: f.readinto(bytearray(100)))
show('readinto big', lambda f: f.readinto(bytearray(20000)))
show('readinto1', lambda f: (f.read(1), f.readinto1(bytearray(9000))))
show('read()', lambda f: len(f.read()), chunk=None)
show('read() after read', lambda f: (f.read(4), len(f.read())), chunk=None)
show('tell', lambda f: (f.read(3), f.tell()))
show('seek', lambda f: (f.read(3), f.seek(100), f.read(2), f.seek(9000), f.read(1),
                        f.seek(1, 1), f.tell(), f.seek(-5, 2), f.read()))
show('small buffer', lambda f: (f.read(3), f.read(40), f.peek(), f.readline()), buffer_size=16)
show('at end', lambda f: (f.seek(0, 2), f.read(5), f.read1(5), f.peek(), f.readline(),
                          f.read(), f.readinto(bytearray(3))))
# BufferedRandom writes where reading stands, and reads on after what it wrote (its raw
# calls differ: CPython's holds the write in its buffer, this one writes through).
raw = LoggingRaw(data, chunk=3000, writable=True)
f = io.BufferedRandom(raw)
print('random write', f.read(3), f.write(b'XYZ'), f.read(4), f.tell(), f.seek(0), f.read(10),
      f.seek(7), f.write(b'!'), f.seek(0, 2), f.write(b'END'), f.seek(-6, 2), f.read())
f.flush()
print('random data', bytes(raw.data[:12]), bytes(raw.data[-6:]), len(raw.data))


class Forever(io.RawIOBase):
    """A raw stream that never ends: reading it whole would never return."""
    def readable(self):
        return True

    def readinto(self, b):
        b[:] = b'y\n' * (len(b) // 2) + b'y' * (len(b) % 2)
        return len(b)


f = io.BufferedReader(Forever())
print('forever', f.read(5), f.readline(), f.read1(3), len(f.peek()), f.readinto(bytearray(4)))
print('forever lines', [next(f) for _ in range(3)])


class NonBlocking(io.RawIOBase):
    """A non-blocking raw stream: None when nothing is there yet."""
    def __init__(self, parts):
        self.parts = list(parts)

    def readable(self):
        return True

    def readinto(self, b):
        if not self.parts:
            return 0
        part = self.parts.pop(0)
        if part is None:
            return None
        b[:len(part)] = part
        return len(part)


print('none read', io.BufferedReader(NonBlocking([None])).read(5))
print('none read()', io.BufferedReader(NonBlocking([None])).read())
print('none after data', io.BufferedReader(NonBlocking([b'ab', None])).read(5))
print('none read1', io.BufferedReader(NonBlocking([None])).read1(5))
print('none peek', io.BufferedReader(NonBlocking([None])).peek())
print('none readline', io.BufferedReader(NonBlocking([b'ab', None, b'c\n'])).readline())
print('none readinto', io.BufferedReader(NonBlocking([None])).readinto(bytearray(5)))
f = io.BufferedReader(NonBlocking([b'ab', None, b'cd', b'', b'ef']))
print('pieces', f.read(10), f.read(10), f.read(10), f.read(10))


class Liar(io.RawIOBase):
    def readable(self):
        return True

    def readinto(self, b):
        return len(b) + 5


try:
    io.BufferedReader(Liar()).read(3)
except OSError as e:
    print('liar', type(e).__name__, e)
try:
    io.BufferedReader(Liar()).read(-2)
except ValueError as e:
    print('negative', type(e).__name__, e)


# gzip reads its decompressor (a raw stream) through a BufferedReader: read(1) does not
# decompress the whole member.
import gzip
big = gzip.compress(b'x' * (20 * 1024 * 1024))
g = gzip.GzipFile(fileobj=io.BytesIO(big))
print('gzip read(1)', g.read(1), 'decompressed one buffer:', g._buffer.raw.tell() <= 8192 + 1)
# A BufferedReader over a GzipFile (a BufferedIOBase written in Python): its readinto()
# fills the buffer through the GzipFile's own read().
with io.BufferedReader(gzip.GzipFile(fileobj=io.BytesIO(gzip.compress(b'one\ntwo\n' * 3)))) as r:
    print('over GzipFile', list(r))
