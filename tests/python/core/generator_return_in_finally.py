# StopIteration raised inside a generator becomes RuntimeError (PEP 479).
def bad():
    yield 1
    raise StopIteration("leak")


try:
    list(bad())
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))


def uses_next():
    it = iter([])
    yield next(it)


try:
    next(uses_next())
except RuntimeError as e:
    print("RuntimeError:", e)
print(list(x for x in [1, 2]))
