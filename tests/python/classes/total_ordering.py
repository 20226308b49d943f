# functools.total_ordering derives the missing comparisons from __eq__ and one ordering method.
import functools


@functools.total_ordering
class Version:
    def __init__(self, s):
        self.t = tuple(int(p) for p in s.split("."))

    def __eq__(self, o):
        return self.t == o.t

    def __lt__(self, o):
        return self.t < o.t

    def __repr__(self):
        return "v" + ".".join(map(str, self.t))


vs = [Version(s) for s in ("1.10", "1.2", "1.2.1", "0.9")]
print(sorted(vs), max(vs))
a, b = Version("2.0"), Version("2.0.0")
print(a <= b, a >= b, a > b, a < b, a == Version("2.0"))
