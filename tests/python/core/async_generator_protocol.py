# Async generator protocol: asend/athrow/aclose, values passing through awaits to the loop.
class Tick:
    def __init__(self, n):
        self.n = n

    def __await__(self):
        got = yield ("tick", self.n)
        return got


async def ticker(n):
    total = 0
    try:
        for i in range(n):
            got = await Tick(i)
            sent = yield (i, got)
            total += sent or 0
    except KeyError as e:
        yield ("caught", repr(e))
    finally:
        print("ticker finally", total)


def run(coro):
    value = None
    trace = []
    while True:
        try:
            req = coro.send(value)
        except StopIteration as e:
            return trace, e.value
        trace.append(req)
        value = req[1] * 100


async def main():
    g = ticker(5)
    out = [type(g).__name__, g.ag_running, g.ag_frame is not None, g.ag_code.co_name]
    out.append(await g.__anext__())
    out.append(await g.asend(7))
    out.append(await g.athrow(KeyError("k")))
    try:
        await g.__anext__()
    except StopAsyncIteration:
        out.append("stop")
    out.append(await g.aclose())
    h = ticker(3)
    out.append(await h.__anext__())
    out.append(await h.aclose())
    try:
        await h.__anext__()
    except StopAsyncIteration:
        out.append("closed stop")
    a = h.__anext__()
    try:
        await a
    except StopAsyncIteration:
        out.append("again")
    try:
        await a
    except RuntimeError as e:
        out.append(str(e))
    u = ticker(2)
    try:
        await u.athrow(ValueError("early"))
    except ValueError as e:
        out.append("early " + str(e))
    return out


trace, result = run(main())
print(trace)
for r in result:
    print(r)


async def bad():
    yield 1
    raise StopAsyncIteration


async def errs():
    out = []
    b = bad()
    await b.__anext__()
    try:
        await b.__anext__()
    except RuntimeError as e:
        out.append(str(e))
    return out


print(run(errs()))
print(repr(bad()).split(" at ")[0])


async def agen_exc_info():
    import sys
    try:
        raise ValueError("inside")
    except ValueError:
        yield sys.exc_info()[1]
        yield sys.exc_info()[1]
    yield sys.exc_info()[1]


async def exc_main():
    import sys
    g = agen_exc_info()
    out = [await g.__anext__()]
    out.append(sys.exc_info()[1])
    out.append(await g.__anext__())
    out.append(await g.__anext__())
    return out


print(run(exc_main()))
