# Multiple context managers exit in reverse order, even when entering one fails.
class CM:
    def __init__(self, name, fail_enter=False):
        self.name, self.fail_enter = name, fail_enter

    def __enter__(self):
        if self.fail_enter:
            raise RuntimeError(f"cannot enter {self.name}")
        print("enter", self.name)

    def __exit__(self, *exc):
        print("exit", self.name, exc[0].__name__ if exc[0] else None)


with CM(1), CM(2), CM(3):
    print("body")
try:
    with CM("x"), CM("y", fail_enter=True), CM("z"):
        print("not reached")
except RuntimeError as e:
    print("caught", e)


def early():
    with CM("ret"):
        return "returned"


print(early())
