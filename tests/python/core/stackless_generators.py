# Generators resumed by FOR_ITER and SEND run in the VM loop: exceptions through them,
# close() and finally, yield from chains with send/throw, "already executing".
import sys


def tb_entries(tb):
    out = []
    while tb is not None:
        out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    return out


def failing(n):
    for i in range(n):
        yield i
    raise KeyError("gen failed")


got = []
try:
    for x in failing(3):
        got.append(x)
except KeyError as e:
    print("caught", repr(e), got, tb_entries(e.__traceback__))


def stops():
    yield 1
    raise StopIteration("inner")


try:
    for x in stops():
        print("stops yielded", x)
except RuntimeError as e:
    print("RuntimeError", e, repr(e.__cause__), e.__suppress_context__)


def with_finally(log):
    try:
        for i in range(10):
            yield i
    finally:
        log.append("finally")


log = []
g = with_finally(log)
for x in g:
    if x == 2:
        break
print("before close", log)
g.close()
print("after close", log)
log2 = []
for x in with_finally(log2):
    pass
print("exhausted", log2)


def returns_value():
    yield 1
    return "done"


def leaf(tag):
    received = []
    try:
        while True:
            v = yield tag + str(len(received))
            if v == "stop":
                return (tag, received)
            received.append(v)
    except ValueError as e:
        received.append("caught " + str(e))
        v = yield "after throw"
        return (tag, received, v)


def middle():
    r = yield from leaf("L")
    print("middle got", r)
    r2 = yield from returns_value()
    return ("middle", r2)


def top():
    r = yield from middle()
    print("top got", r)
    return "top done"


g = top()
print(next(g))
print(g.send("a"))
print(g.send("b"))
print(g.throw(ValueError("boom")))
print(g.send("x"))
try:
    g.send(None)
except StopIteration as e:
    print("StopIteration", e.value)

g = top()
next(g)
print(g.send("q"))
print(g.send("stop"))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)


def self_next():
    yield next(me)


me = self_next()
try:
    for x in me:
        pass
except ValueError as e:
    print("ValueError", e)


def inner_raises():
    yield 1
    raise IndexError("deep")


def chain3():
    yield from (yield from inner_raises()) or ()


try:
    print(list(chain3()))
except IndexError as e:
    print("IndexError", e, [n for n, _ in tb_entries(e.__traceback__)])

try:
    for x in chain3():
        pass
except IndexError as e:
    print("IndexError", e, [n for n, _ in tb_entries(e.__traceback__)])


def handling():
    try:
        raise OSError("handled in gen")
    except OSError:
        yield sys.exc_info()[1]
        yield sys.exc_info()[1]
    yield sys.exc_info()[1]


try:
    raise TypeError("outer")
except TypeError:
    print([repr(v) for v in handling()])
print(sys.exc_info())


def nested_loop(n):
    for i in range(n):
        for j in (k * k for k in range(i)):
            yield j


print(sum(nested_loop(50)))


def recursive(n):
    if n:
        yield from recursive(n - 1)
    yield n


print(sum(recursive(200)), list(recursive(3)))


def frames():
    yield sys._getframe(1).f_code.co_name


def consumer():
    return [x for x in frames()] + [next(frames())]


print(consumer())
print(list(zip(range(3), returns_value())))


def chain(n):
    if n:
        r = yield from chain(n - 1)
        return r + 1
    yield "bottom"
    return 0


sys.setrecursionlimit(12000)
g = chain(5000)
print(next(g))
try:
    g.send(None)
except StopIteration as e:
    print("returned", e.value)
