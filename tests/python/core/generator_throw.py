# generator.throw raises inside the generator at the paused yield; it can catch and continue.
def g():
    while True:
        try:
            yield "running"
        except ValueError as e:
            print("caught", e)
            yield "recovered"


it = g()
print(next(it))
print(it.throw(ValueError("boom")))
print(next(it))
try:
    it.throw(KeyError("unhandled"))
except KeyError as e:
    print("propagated", repr(e))
print(next(it, "closed"))


def h():
    yield 1


try:
    h().throw(TypeError("before start"))
except TypeError as e:
    print("unstarted:", e)
