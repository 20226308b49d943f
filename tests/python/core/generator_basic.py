# Generators: lazy execution, StopIteration at the end, return value in StopIteration.value.
def gen():
    print("start")
    yield 1
    print("middle")
    yield 2
    return "done"


g = gen()
print("created")
print(next(g))
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)
print(next(g, "exhausted"))
print(list(gen()))
print(type(g).__name__, g.__name__)
