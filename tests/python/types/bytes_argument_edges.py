# bytes/bytearray: a huge or negative int in find/count/in is "byte must be in range";
# __index__ objects are bytes to find; __bytes__ comes first even on str and int
# subclasses, and None blocks it; hex() separators must be ASCII; an item assignment
# whose value's __index__ empties the array is an IndexError; bytearray pickles with its
# subclass's __dict__ and __slots__.
import copy
import pickle

b = bytearray(b'abc')


class Boom:
    def __index__(self):
        b.clear()
        return 0


try:
    b[0] = Boom()
except IndexError as e:
    print(e, b)
for v in [2 ** 70, -1, 256]:
    for f in [lambda: v in b'abc', lambda: b'abc'.find(v), lambda: bytearray(b'x').count(v)]:
        try:
            f()
        except ValueError as e:
            print(e)


class I:
    def __index__(self):
        return 98


print(b'abc'.find(I()), I() in b'abc', b'abc'.count(I()), bytearray(b'abc').index(I()))
try:
    b'abc'.find(1.5)
except TypeError as e:
    print(e)


class A(str):
    def __bytes__(self):
        return b'abc'


print(bytes(A('\u20ac')), bytes(A('\u20ac'), 'iso8859-15'))


class IB(int):
    __bytes__ = None


class BB(bytes):
    __bytes__ = None


for x in (IB(3), BB(b'ab')):
    try:
        bytes(x)
    except TypeError as e:
        print(e)
print(repr(b'\xb9\x01\xef'.hex(':', 2)), repr(b'\xb9\x01\xef'.hex(b'\x00')))
for s in ['\xff', b'\xff', b'\x80', 'ab']:
    try:
        b'ab'.hex(s)
    except ValueError as e:
        print(e)


class B(bytearray):
    pass


class BS(bytearray):
    __slots__ = ('a', 'b')


for cls in (bytearray, B, BS):
    x = cls(b'ab\xff')
    if cls is B:
        x.foo = 1
    if cls is BS:
        x.a = 5
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        y = pickle.loads(pickle.dumps(x, proto))
        print(cls.__name__, proto, type(y).__name__, y, getattr(y, '__dict__', None),
              getattr(y, 'a', None))
    print(x.__reduce_ex__(2), x.__reduce__())
    print(copy.copy(x), copy.deepcopy(x))
print(bytearray().__reduce_ex__(4))
