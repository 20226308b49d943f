# map and filter refuse keyword arguments, but a subclass whose own __init__ takes them
# gets them there (as CPython); struct's unpack_iterator can't be made directly.
import struct


class M(map):
    pass


try:
    M(str, [1], x=1)
except TypeError as e:
    print(e)


class M2(map):
    def __init__(self, *a, k=None):
        self.k = k


m = M2(str, [1, 2], k=5)
print(list(m), m.k)


class F2(filter):
    def __init__(self, *a, k=None):
        self.k = k


print(list(F2(None, [0, 1, 2], k=1)))
try:
    filter(None, [], k=1)
except TypeError as e:
    print(e)
try:
    type(struct.iter_unpack("b", b"x"))()
except TypeError as e:
    print(e)
