# Async generators and async for / async comprehensions, driven without asyncio.
async def agen(n):
    for i in range(n):
        yield i * 10


class Counter:
    def __init__(self, n):
        self.i, self.n = 0, n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i


async def main():
    out = []
    async for v in agen(3):
        out.append(v)
    out.append([x async for x in Counter(3)])
    out.append([x async for x in agen(4) if x > 10])
    return out


def drive(coro):
    try:
        coro.send(None)
    except StopIteration as e:
        return e.value


print(drive(main()))
print(type(agen(1)).__name__)
