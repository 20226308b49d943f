# async/await driven by a tiny hand-written event loop: coroutines yield "sleep" requests
# through an awaitable and the loop resumes them in order of virtual time.
import types


@types.coroutine
def sleep(ticks):
    yield ticks


async def worker(name, ticks, log):
    for step in range(3):
        await sleep(ticks)
        log.append((name, step))
    return name.upper()


def run(coros):
    ready = [(0, i, c) for i, c in enumerate(coros)]
    results = {}
    while ready:
        ready.sort(key=lambda item: (item[0], item[1]))
        now, i, coro = ready.pop(0)
        try:
            wait = coro.send(None)
        except StopIteration as stop:
            results[i] = stop.value
        else:
            ready.append((now + wait, i, coro))
    return [results[i] for i in sorted(results)]


log = []
print(run([worker("a", 2, log), worker("b", 3, log)]))
print(log)
