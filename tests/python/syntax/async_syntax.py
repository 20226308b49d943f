# async def, await, async for, async with and async comprehensions parse in the right places.
import types


@types.coroutine
def tick():
    yield


async def f():
    await tick()
    return [x async for x in g()], [await h() for _ in range(2)]


async def g():
    yield 1
    yield 2


async def h():
    return "h"


c = f()
c.send(None)
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
print(f.__code__.co_flags & 0x80 != 0, type(g()).__name__)
