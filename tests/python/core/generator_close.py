# generator.close raises GeneratorExit at the yield; finally blocks run; yielding on close is an error.
def g():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")


it = g()
print(next(it))
it.close()
print(next(it, "after close"))
it.close()


def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "no"


s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)


def catches():
    try:
        yield 1
    except GeneratorExit:
        print("saw GeneratorExit")
        raise


c = catches()
next(c)
c.close()
