# Async generators call the thread's firstiter hook at their first step; asyncio's loop
# uses it to close, at shutdown, generators left suspended (their finally blocks run).
import asyncio, sys

async def gen():
    try:
        for i in range(10):
            yield i
            await asyncio.sleep(0)
    finally:
        print("gen finally")

async def main():
    async for x in gen():
        if x == 2:
            break
    print("after loop")

asyncio.run(main())
print("done")
calls = []
def first(g): calls.append(("first", g.__name__ if hasattr(g, '__name__') else type(g).__name__))
def fin(g): calls.append("fin")
sys.set_asyncgen_hooks(first, fin)
async def g2():
    yield 1
a = g2()
try:
    a.__anext__().send(None)
except StopIteration as e:
    print("stop", e.value)
print(calls)
print(sys.get_asyncgen_hooks().firstiter is first)
calls.clear()
async def g3():
    yield 1
    yield 2
b = g3()
for step in (b.asend(None), b.__anext__()):
    try:
        step.send(None)
    except StopIteration as e:
        print("value", e.value)
print("firstiter calls:", len(calls))
def bad(g):
    raise KeyError("firstiter failed")
sys.set_asyncgen_hooks(firstiter=bad)
c = g3()
try:
    c.__anext__()
except KeyError as e:
    print("raised", e)
d = g3()
try:
    d.aclose()
except KeyError as e:
    print("raised on aclose", e)
sys.set_asyncgen_hooks(None, None)
print(sys.get_asyncgen_hooks())
