# deque + deque, deque * n, n * deque, *= and their errors, with maxlen and subclasses.
from collections import deque


class Named(deque):
    pass


d = deque([1, 2, 3])
print(d + deque([4]), d)
print(d * 2, 2 * d, d * 0, d * -1)
e = deque("ab", maxlen=3)
print(e + deque("cd"), (e + deque("cd")).maxlen)
print(e * 2, (e * 2).maxlen)
e *= 5
print(e)
f = deque([1])
f += [2, 3]
print(f)
g = Named([7])
print(type(g + deque([8])).__name__, type(g * 2).__name__, g + deque([8]))


class Tail:
    def __radd__(self, other):
        return "Tail.__radd__ got " + type(other).__name__

    def __rmul__(self, other):
        return "Tail.__rmul__ got " + type(other).__name__


print(d + Tail())
print(d * Tail())


class Index:
    def __index__(self):
        return 2


print(d * Index())

for bad in (lambda: d + [4], lambda: d + 1, lambda: d * "x", lambda: d * 1.5, lambda: 1 + d):
    try:
        bad()
    except TypeError as error:
        print("TypeError:", error)
h = deque([1])
try:
    h *= "x"
except TypeError as error:
    print("TypeError:", error)
