# dir() of builtin objects lists the attributes their types serve, each found through a
# descriptor in the type's dict.
import sys


def f(a, b=1, *, c=2):
    return a


def gen():
    yield 1


async def coro():
    pass


def make_cell():
    x = 1

    def inner():
        return x

    return inner.__closure__[0]


class C:
    def m(self):
        pass


try:
    1 / 0
except ZeroDivisionError as e:
    caught = e
tb = caught.__traceback__

g = gen()
co = coro()
co.close()

objects = [
    ("type", type),
    ("function", f),
    ("lambda", lambda: 0),
    ("builtin function", len),
    ("builtin method", [].append),
    ("method descriptor", str.join),
    ("slot wrapper", object.__init__),
    ("method-wrapper", object().__str__),
    ("bound method", C().m),
    ("generator", g),
    ("traceback", tb),
    ("exception", caught),
    ("KeyError", KeyError(1)),
    ("StopIteration", StopIteration(1)),
    ("SyntaxError", SyntaxError("x")),
    ("property", property()),
    ("staticmethod", staticmethod(f)),
    ("classmethod", classmethod(f)),
    ("slice", slice(1, 2)),
    ("range", range(3)),
    ("cell", make_cell()),
    ("int", 1),
    ("float", 1.0),
    ("str", ""),
    ("bytes", b""),
    ("list", []),
    ("dict", {}),
    ("set", set()),
    ("tuple", ()),
    ("None", None),
    ("object", object()),
]
# Left out: type's layout numbers and a few others, generators' __del__, and what
# staticmethod/classmethod copy from the function into their own __dict__.
not_compared = {"__abstractmethods__", "__annotations__", "__basicsize__", "__dictoffset__",
                "__itemsize__", "__text_signature__", "__weakrefoffset__", "__del__"}
copied = {"__annotations__", "__dict__", "__module__", "__name__", "__qualname__"}
for label, obj in objects:
    names = set(dir(obj))
    names -= copied if label in ("staticmethod", "classmethod") else not_compared
    print(label, sorted(names))

# Coroutines keep __next__ here (CPython has none); the attributes that matter:
wanted = {"__name__", "__qualname__", "cr_code", "cr_frame", "cr_running", "cr_await",
          "cr_suspended"}
print("coroutine", sorted(wanted & set(dir(co))))

# Every name is served by the type's dict.
for label, obj in objects:
    if label in ("staticmethod", "classmethod"):
        continue
    missing = [n for n in dir(obj) if not any(n in vars(k) for k in type(obj).__mro__)]
    if missing:
        print(label, "not in the type's dict:", missing)
