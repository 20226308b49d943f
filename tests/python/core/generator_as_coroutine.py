# A generator used as a coroutine that accumulates sent values and returns the total.
def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            return total
        total += value


def driver(values):
    acc = accumulator()
    next(acc)
    for v in values:
        acc.send(v)
    try:
        acc.send(None)
    except StopIteration as e:
        return e.value


print(driver([1, 2, 3]), driver([]))


def delegate():
    result = yield from accumulator()
    yield f"final {result}"


d = delegate()
next(d)
d.send(5)
d.send(6)
print(d.send(None))
