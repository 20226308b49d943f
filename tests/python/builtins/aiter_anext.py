# aiter() and anext() on async iterators, with and without a default.
async def agen():
    yield 1
    yield 2


async def main():
    it = aiter(agen())
    a = await anext(it)
    b = await anext(it)
    c = await anext(it, "default")
    try:
        await anext(it)
    except StopAsyncIteration:
        d = "stopped"
    return a, b, c, d


try:
    main().send(None)
except StopIteration as e:
    print(e.value)
try:
    aiter([1])
except TypeError as e:
    print(e)
