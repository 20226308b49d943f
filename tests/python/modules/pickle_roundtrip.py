# pickle.dumps/loads round trips of common objects at every protocol (pickle's pure-Python
# implementation frames through BytesIO.getbuffer()).
import pickle
import io
import collections
import datetime
import fractions
import decimal


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, other):
        return type(other) is Point and (self.x, self.y) == (other.x, other.y)

    def __repr__(self):
        return f'Point({self.x!r}, {self.y!r})'


class Slotted:
    __slots__ = ('a', 'b')

    def __init__(self, a, b):
        self.a, self.b = a, b

    def __reduce__(self):
        return (Slotted, (self.a, self.b))


class WithState:
    def __init__(self):
        self.items = [1, 2]

    def __getstate__(self):
        return {'items': self.items, 'extra': 'yes'}

    def __setstate__(self, state):
        self.__dict__.update(state)


Pair = collections.namedtuple('Pair', 'left right')

values = [
    None, True, False, 0, 1, -1, 255, 256, 65535, 2 ** 31, -2 ** 31 - 1, 2 ** 64, -(10 ** 50), 2 ** 1000,
    0.0, -0.0, 1.5, 1e300, float('inf'), -float('inf'), 3.141592653589793, 1j, complex(-1.5, 2),
    '', 'abc', 'h\xe9llo \u20ac \U0001f600', 'x' * 300, b'', b'bytes\x00\xff', b'y' * 70000,
    bytearray(b'mutable'), (), (1,), (1, 2, 3), tuple(range(10)), [], [1, [2, [3]]], {},
    {'a': 1, 2: 'b', (3, 4): [5]}, set(), {1, 2, 3}, frozenset({'x', 'y'}), range(3, 10, 2),
    slice(1, 10, 2), Point(1, 'two'), Pair(1, [2]), collections.OrderedDict(a=1, b=2),
    collections.Counter('abracadabra'), collections.deque([1, 2, 3], maxlen=5),
    collections.defaultdict(list, {'k': [1]}), fractions.Fraction(3, 7), decimal.Decimal('1.10'),
    datetime.date(2024, 2, 29), datetime.datetime(2001, 2, 3, 4, 5, 6, 7000),
    datetime.timedelta(days=3, seconds=5), Ellipsis, NotImplemented, len, Point, type(None),
    list(range(2000)), {i: str(i) for i in range(300)},
]

for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    bad = []
    for v in values:
        data = pickle.dumps(v, protocol=proto)
        back = pickle.loads(data)
        if back != v and not (v != v):
            bad.append(v)
        elif type(back) is not type(v):
            bad.append(v)
    print('protocol', proto, 'mismatches', bad)

# Object identity and shared references survive; recursive structures too.
shared = [1, 2]
outer = [shared, shared, {'s': shared}]
back = pickle.loads(pickle.dumps(outer))
print(back, back[0] is back[1], back[2]['s'] is back[0])
rec = [1]
rec.append(rec)
back = pickle.loads(pickle.dumps(rec))
print(back[0], back[1] is back)
d = {}
d['self'] = d
print(pickle.loads(pickle.dumps(d))['self'].keys())

s = pickle.loads(pickle.dumps(Slotted(1, 'b')))
print(type(s).__name__, s.a, s.b)
w = pickle.loads(pickle.dumps(WithState()))
print(w.items, w.extra)

# The stream API: dump/load through BytesIO, several objects one after another.
f = io.BytesIO()
pickle.dump([1, 2], f)
pickle.dump({'k': 'v'}, f, protocol=0)
pickle.dump(Point(3, 4), f, protocol=5)
f.seek(0)
print(pickle.load(f), pickle.load(f), pickle.load(f))
try:
    pickle.load(f)
except EOFError:
    print('EOFError')

# Protocol 5's bytearray8, read back through readinto.
big = bytearray(b'z' * 100)
print(pickle.loads(pickle.dumps(big, protocol=5)) == big)

# The bytes a few simple objects pickle to are CPython's.
for v in (None, True, 1, 300, -5, 'hi', b'hi', 1.5, (1, 2), [1], {'a': 1}, Point(1, 2)):
    print(pickle.dumps(v, protocol=2), pickle.dumps(v, protocol=4) == pickle.dumps(v))

# Errors (which class depends on whether pickle's C accelerator is there: only that they
# are raised is checked for the first two).
errors = (lambda: pickle.dumps(lambda: 0), lambda: pickle.loads(b'garbage'),
          lambda: pickle.loads(b''), lambda: pickle.dumps(1, protocol=6))
for bad in errors:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__ if bad in errors[2:] else 'raised')

# copy goes through the same __reduce_ex__.
import copy
import threading


class Slots:
    __slots__ = ('a', 'b')

    def __init__(self):
        self.a = [1]


c = copy.deepcopy(Slots())
print(c.a, hasattr(c, 'b'))
p = Point([1], 2)
print(copy.copy(p).x is p.x, copy.deepcopy(p).x is p.x, copy.deepcopy(p))
try:
    copy.copy(threading.Lock())
except TypeError as e:
    print(e)
print(object().__reduce_ex__(2)[0].__name__, object().__reduce__()[0].__name__)
print(int.__flags__ & 512, Point.__flags__ & 512, slice(1, 2).__reduce__(), len.__reduce__())
print([].append.__reduce__()[1][1], pickle.loads(pickle.dumps([5].count))(5))
