# range at the edges of machine ints: items, lengths and reversal past 2**62 and 2**63,
# arguments converted to exact ints, and containment that honours an int subclass's __eq__.
import sys

r = range(-4294967298, -18446744073709551618, -2147483648)
print(len(r), r[0], r[-1], next(reversed(r)))
print(list(reversed(range(0, -2**64, -2**62))))
print(list(reversed(range(2**61, 2**63 + 2**61, 2**61))))
print(len(range(-sys.maxsize, sys.maxsize, 2)) == sys.maxsize, len(range(sys.maxsize)))
try:
    len(range(sys.maxsize + 1))
except OverflowError as e:
    print("OverflowError:", e)
print([type(v).__name__ for v in (range(True).stop, range(False, True).start, range(0, 9, True).step)])
print(range(True), range(False, True, True))


class Sticky(int):
    def __eq__(self, other):
        return True

    __hash__ = int.__hash__


print(Sticky(11) in range(10), 11 in range(10), True in range(2), False in range(1, 3))
print(range(10).count(Sticky(42)), range(10).index(Sticky(42)))
