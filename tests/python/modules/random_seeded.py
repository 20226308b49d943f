# random: a seeded generator draws exactly CPython's numbers (Mersenne Twister with
# CPython's seeding), for every seed type; state save/restore; subclasses; bad arguments.
import random

random.seed(42)
print(random.random(), random.random())
print(random.randrange(1000), random.randint(1, 6), random.choice("abcdefgh"))
items = list(range(20))
random.shuffle(items)
print(items)
print(random.sample(range(1000), 6), random.choices("xyz", k=5))
print(random.gauss(0, 1), random.normalvariate(10, 2), random.uniform(5, 6))
print(random.expovariate(1.5), random.betavariate(2, 3), random.triangular())
print(random.getrandbits(1), random.getrandbits(32), random.getrandbits(33), random.getrandbits(200))
print(random.randbytes(10))

for seed in [0, 1, -1, 2**32, 2**32 - 1, 2**100 + 7, -(2**64), 3.5, "hello", b"hello", bytearray(b"x"), True]:
    random.seed(seed)
    print(repr(seed), random.random(), random.randrange(10**12))

r = random.Random(12345)
state = r.getstate()
first = [r.random() for _ in range(700)]  # crosses a regeneration of the whole state
r.setstate(state)
print(first == [r.random() for _ in range(700)], state[0], len(state[1]), state[1][-1])
print(random.Random(7).random() == random.Random(7).random())

import _random

g = _random.Random(5)
print(g.random(), g.getrandbits(16), len(g.getstate()))
g.seed(5)
print(g.random())


class Mine(random.Random):
    def __init__(self, seed, label):
        super().__init__(seed)
        self.label = label


m = Mine(99, "m")
print(m.label, m.random(), m.randrange(50))

for bad in [
    lambda: random.getrandbits(-1),
    lambda: random.getrandbits(2.5),
    lambda: g.setstate(5),
    lambda: g.setstate((1, 2)),
    lambda: g.setstate((0,) * 624 + (625,)),
    lambda: random.seed([1, 2]),
    lambda: random.randrange(0),
    lambda: random.choice([]),
    lambda: _random.Random(1, 2),
]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# seed(None) draws from the system's entropy: two generators differ.
print(random.Random().random() != random.Random().random())
