# What `await` accepts and how it says no; coroutine.__await__() is a coroutine_wrapper;
# a finished coroutine refuses send and throw; a coroutine never awaited warns when it
# is collected; cr_origin with sys.set_coroutine_origin_tracking_depth; a throw into a
# chain of awaits sees the whole stack.
import gc
import sys
import traceback
import types
import warnings


def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)


class Returns:
    def __init__(self, value):
        self.value = value

    def __await__(self):
        return self.value


async def spam():
    return "spam"


async def awaiting(x):
    return await x


c = spam()
for value in (None, 1, c, iter([]), Returns(None)):
    print(run(awaiting(Returns(value))))
c.close()
print(run(awaiting(5)))


class AsyncIter:
    def __aiter__(self):
        return self

    def __anext__(self):
        return 1


async def loop():
    async for _ in AsyncIter():
        pass


print(run(loop()))


class BadEnter:
    async def __aexit__(self, *a):
        pass

    def __aenter__(self):
        return 1


async def with_it():
    async with BadEnter():
        pass


print(run(with_it()))

c = spam()
w = c.__await__()
print(type(w).__name__, iter(w) is w, hasattr(c, "__next__"), "__iter__" in dir(w))
print(run(w))
print(run(c))
try:
    c.throw(ValueError("wat"))
except Exception as e:
    print(type(e).__name__, e)
print("into coroutine" in types.CoroutineType.send.__doc__)
print(types.CoroutineType.__dict__["__qualname__"].__doc__)


c = spam()


def gen():
    yield from c


try:
    list(gen())
except TypeError as e:
    print(e)
c.close()


@types.coroutine
def pause():
    yield


async def holder():
    await pause()


h = holder()
h.send(None)


async def second():
    await h


print(run(second()))
h.close()

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    spam()
    gc.collect()
print([str(w.message) for w in caught])


def make():
    return spam()


sys.set_coroutine_origin_tracking_depth(1)
c = make()
print([(name, line) for _, line, name in c.cr_origin])
sys.set_coroutine_origin_tracking_depth(0)
plain = spam()
print(c.cr_origin is None, plain.cr_origin)
c.close()
plain.close()
try:
    sys.set_coroutine_origin_tracking_depth(-1)
except ValueError as e:
    print(e)


async def a():
    return await b()


async def b():
    return await c3()


@types.coroutine
def c3():
    try:
        yield len(traceback.extract_stack())
    except ZeroDivisionError:
        yield len(traceback.extract_stack())


coro = a()
print(coro.send(None) == coro.throw(ZeroDivisionError))
coro.close()
