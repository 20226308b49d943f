# Floats on both sides of the range that fits in a tagged word (2**-255 .. 2**256), and the
# values that never fit (-0.0, infinities, NaN, subnormals): each must keep its exact bits
# through arithmetic, hashing, containers, struct and repr.
import math
import struct
import sys

edges = [2.0 ** -255, 2.0 ** -256, 2.0 ** -254, 2.0 ** 255, 2.0 ** 256, 2.0 ** 257,
         math.nextafter(2.0 ** 256, 0), math.nextafter(2.0 ** 256, math.inf),
         math.nextafter(2.0 ** -255, 0), math.nextafter(2.0 ** -255, 1),
         0.0, -0.0, 5e-324, sys.float_info.max, sys.float_info.min, math.inf, -math.inf, 1.0, -1.0]
for x in edges:
    bits = struct.unpack("<Q", struct.pack("<d", x))[0]
    y = struct.unpack("<d", struct.pack("<Q", bits))[0]
    print(repr(x), hex(bits), repr(-x), repr(x * 1.0), repr(y) == repr(x), hash(x) == hash(y),
          math.copysign(1.0, x), x == y, x.hex())

nan = float("nan")
print(nan == nan, nan != nan, nan is nan, [nan] == [nan], math.isnan(nan * 0.0))
print(repr(-0.0), repr(0.0 * -1), -0.0 == 0.0, hash(-0.0) == hash(0.0), str(0.0 / -1.5))

# Equal floats are equal keys; ints and floats that are equal share a key.
d = {}
for x in [0.5, 1.0, 2.0 ** 300, -0.0, 0.0, 1, 2 ** 300, 0.25 + 0.25]:
    d[x] = d.get(x, 0) + 1
print(sorted(d.items()))
print(len({0.1 + 0.2, 0.3, 0.30000000000000004}), 0.1 + 0.2 == 0.3)

class Meters(float):
    def __repr__(self):
        return f"Meters({float(self)!r})"

m = Meters(1.5)
print(m, m + 1, type(m + 1).__name__, isinstance(m, float), type(m) is Meters, float(m) == m)
print(id(1.5) >= 0, id(-1) >= 0, id(1e300) >= 0)
print(sum(1.0 / (k * k) for k in range(1, 2000)), math.fsum([0.1] * 10))
