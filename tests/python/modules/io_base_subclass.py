# Python classes derived from io's bases (as zipfile's and gzip's streams are) get a
# whole stream object: it stays alive and open until close(), across many collections.
import io
import collections


class Counter(io.BufferedIOBase):
    def __init__(self, owner):
        self.owner = owner
        owner.open_writers += 1
        self.written = 0

    def writable(self):
        return True

    def write(self, data):
        self.written += len(data)
        return len(data)

    def close(self):
        if self.closed:
            return
        try:
            super().close()
        finally:
            self.owner.open_writers -= 1


class Owner:
    open_writers = 0


owner = Owner()
total = 0
for i in range(3000):
    with Counter(owner) as w:
        w.write(b"x" * (i % 50))
        junk = [str(j) for j in range(10)]
    total += w.written
    assert w.closed and owner.open_writers == 0, i
print(total, owner.open_writers)

print(io.BufferedIOBase().closed, io.RawIOBase().closed, io.TextIOBase().closed)
s = io.BufferedIOBase()
s.close()
print(s.closed)

# object.__new__ cannot make instances of classes whose builtin base has its own __new__.
class Deque(collections.deque):
    pass


for cls in (Deque, Counter):
    try:
        object.__new__(cls)
    except TypeError as e:
        print("TypeError:", e)

# Builtin types outside builtins are named with their module, as CPython's tp_name.
for cls in (collections.deque, io.BytesIO, io.StringIO):
    try:
        object.__new__(cls)
    except TypeError as e:
        print("TypeError:", e)
