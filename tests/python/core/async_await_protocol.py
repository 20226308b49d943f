# await uses __await__, which must return an iterator; coroutines expose send/throw/close.
class Ready:
    def __init__(self, value):
        self.value = value

    def __await__(self):
        got = yield f"waiting for {self.value}"
        return (self.value, got)


async def main():
    r1 = await Ready(1)
    r2 = await Ready(2)
    return [r1, r2]


c = main()
print(type(c).__name__, c.__name__)
print(c.send(None))
print(c.send("x"))
try:
    c.send("y")
except StopIteration as e:
    print("result", e.value)


async def bad():
    await 5


try:
    bad().send(None)
except TypeError as e:
    print(e)
