# yield from delegates next/send/throw to a subgenerator and returns its return value.
def inner():
    got = yield "inner-1"
    print("inner got", got)
    yield "inner-2"
    return "inner-result"


def outer():
    result = yield from inner()
    print("outer got result", result)
    yield from range(2)
    yield from "xy"


o = outer()
print(next(o))
print(o.send("hello"))
print(list(o))


def delegating_throw():
    def sub():
        try:
            yield 1
        except KeyError:
            yield "sub handled"

    yield from sub()


d = delegating_throw()
next(d)
print(d.throw(KeyError))
