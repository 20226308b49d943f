# A generator dropped while suspended inside try/finally or a with statement is closed,
# so its cleanup runs (CPython does it as the last reference goes, pypy-stm at the next
# collection: gc.collect() makes both happen at the same point).
import gc


class Resource:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("open", self.name)
        return self

    def __exit__(self, *exc):
        print("close", self.name, exc[0].__name__ if exc[0] else None)
        return False


def numbers():
    try:
        yield 1
        yield 2
    finally:
        print("numbers cleanup")


def lines():
    with Resource("file"):
        yield "a"
        yield "b"


def plain():
    yield 1


for n in numbers():
    print(n)
    break
gc.collect()
print("after first loop")

it = lines()
print(next(it))
del it
gc.collect()
print("after second")

never_started = numbers()
del never_started
finished = list(numbers())
print(finished)
p = plain()
next(p)
del p
gc.collect()
print("end")
