# A sequence's __mul__/__rmul__/__imul__ take only an integer count, while the * operator lets the other operand answer first
import array, collections


def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


samples = ["ab", [1], (1,), b"a", bytearray(b"a"), array.array("b", [1]), collections.deque([1])]
for obj in samples:
    name = type(obj).__name__
    for method in ("__mul__", "__rmul__", "__imul__"):
        if hasattr(obj, method):
            for count in ("b", 2.0, 2):
                print(name, method, repr(count), end=": ")
                attempt(lambda: getattr(type(obj)(obj), method)(count))
    print(name, "operators", end=": ")
    attempt(lambda: obj * "b")
    attempt(lambda: "b" * obj)
    attempt(lambda: 2.5 * obj)
    attempt(lambda: 2 * obj)


def in_place(obj, count):
    obj *= count
    return obj


attempt(lambda: in_place([1], "q"))
attempt(lambda: in_place((1,), 2))
attempt(lambda: in_place(bytearray(b"x"), 3.0))
attempt(lambda: [1] * 2**100)
attempt(lambda: "a".__mul__(2**100))


class Right:
    def __rmul__(self, other):
        return ("rmul", other)

    def __mul__(self, other):
        return ("mul", other)


class Count:
    def __index__(self):
        return 2


class Declines:
    def __mul__(self, other):
        return NotImplemented

    __rmul__ = __mul__


print([1] * Right(), Right() * [1], "ab" * Right())
print([1] * Count(), Count() * "ab", "x".__mul__(Count()), (0,).__rmul__(Count()))
attempt(lambda: [1] * Declines())
attempt(lambda: Declines() * "a")
attempt(lambda: Declines() * Declines())


class MyList(list):
    def __rmul__(self, other):
        return "MyList.__rmul__"


print([1] * MyList([2]), MyList([2]) * 3, 3 * MyList([2]))
