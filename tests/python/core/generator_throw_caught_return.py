# throw() into a generator or coroutine that catches the exception and returns: the
# return value comes back as StopIteration, also when the exception was raised in a
# delegate (yield from / await) - asyncio's Task relies on it when a Future it awaits
# fails.
class Waiting:
    def __await__(self):
        yield "waiting"


async def coroutine():
    try:
        await Waiting()
    except KeyError as e:
        print("coroutine caught", repr(e))
    return "coroutine result"


def inner():
    yield 1


def delegating():
    try:
        yield from inner()
    except ValueError:
        print("delegating caught")
    return "generator result"


def plain():
    try:
        yield 1
    except KeyError:
        print("plain caught")
    return "plain result"


def again():
    try:
        yield 1
    except KeyError:
        yield "yielded after catching"


for make, error in [(coroutine, KeyError("k")), (delegating, ValueError()), (plain, KeyError()),
                    (again, KeyError())]:
    g = make()
    g.send(None)
    try:
        print("throw gave", g.throw(error))
    except StopIteration as e:
        print("StopIteration", e.value)
