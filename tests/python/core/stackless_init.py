# Class instantiation runs __init__ as a frame of the VM loop: deep recursion through
# __init__, __init__ returning a value, exceptions and tracebacks through __init__.
import sys


def tb_entries(tb):
    out = []
    while tb is not None:
        out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    return out


class Node:
    def __init__(self, n):
        self.n = n
        self.next = Node(n - 1) if n else None


sys.setrecursionlimit(12000)
head = Node(5000)
count = 0
while head is not None:
    count += 1
    head = head.next
print("chain", count)


class Bad:
    def __init__(self):
        return 42


try:
    Bad()
except TypeError as e:
    print("TypeError", e)
    print(tb_entries(e.__traceback__))


class Raises:
    def __init__(self, x):
        if x < 0:
            raise ValueError("negative %d" % x)
        self.x = x


try:
    Raises(-3)
except ValueError as e:
    print("ValueError", e, tb_entries(e.__traceback__))


class Kw:
    def __init__(self, a, b=2, *rest, c, **kw):
        self.v = (a, b, rest, c, sorted(kw.items()))


print(Kw(1, c=3).v, Kw(1, 5, 6, 7, c=8, z=9).v)
try:
    Kw()
except TypeError as e:
    print("TypeError", e)


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self, a, b):
        self.a = a
        self.b = b


s = Slotted(1, 2)
print(s.a + s.b, hasattr(s, "__dict__"))


class Sub(Slotted):
    def __init__(self, a):
        super().__init__(a, a)
        self.extra = a


print(Sub(4).b, Sub(4).extra)


class WithFrame:
    def __init__(self):
        self.caller = sys._getframe(1).f_code.co_name


def make():
    return WithFrame()


print("caller", make().caller)


class ListSub(list):
    def __init__(self, n):
        super().__init__(range(n))


print(ListSub(3))

def recurse(n):
    return Deep(n)


class Deep:
    def __init__(self, n):
        self.inner = recurse(n + 1)


sys.setrecursionlimit(1000)
try:
    Deep(0)
except RecursionError as e:
    print("RecursionError", type(e).__name__)

args = (1, 5, 6)
kwargs = {"c": 7, "y": 0}
print("ex", Kw(*args, **kwargs).v, Kw(*(2,), c=1).v)
try:
    Kw(*(), **{"b": 1})
except TypeError as e:
    print("TypeError", e)
try:
    Bad(*())
except TypeError as e:
    print("TypeError", e, tb_entries(e.__traceback__))
