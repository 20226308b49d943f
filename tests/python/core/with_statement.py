# with calls __enter__/__exit__; __exit__ sees the exception and may suppress it by returning true.
class CM:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev, tb is not None)
        return self.suppress


with CM("plain") as c:
    print("body", c.name)
with CM("suppressing", True):
    raise ValueError("swallowed")
try:
    with CM("passing"):
        raise KeyError("k")
except KeyError as e:
    print("outside", repr(e))
with CM("a") as a, CM("b") as b:
    print("two managers", a.name, b.name)
with (CM("p1"), CM("p2")):
    print("parenthesized")
