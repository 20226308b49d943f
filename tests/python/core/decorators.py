# Decorators apply bottom-up, may take arguments, and may replace the function entirely.
import functools

order = []


def trace(name):
    def deco(f):
        order.append(name)

        @functools.wraps(f)
        def wrapper(*a, **k):
            print("call", name, f.__name__)
            return f(*a, **k)

        return wrapper

    return deco


@trace("outer")
@trace("inner")
def add(a, b):
    "adds"
    return a + b


print(order)
print(add(2, 3), add.__name__, add.__doc__, add.__wrapped__.__name__)


@lambda f: f.__name__.upper()
def replaced():
    pass


print(replaced)
registry = {}


@registry.setdefault("key", [])["append".__len__() - 6:].append
def registered():
    pass


print(registry)
