# select.epoll: a kernel epoll set (register, modify, unregister, level and edge
# triggering, timeouts, closing) and the selectors and asyncio code that use it by default.
import asyncio
import os
import select
import selectors
import time

print(select.EPOLLIN, select.EPOLLOUT, select.EPOLLET, select.EPOLLONESHOT, select.EPOLLEXCLUSIVE)
r, w = os.pipe()
names = {r: "r", w: "w"}


def shown(events):
    return sorted((names.get(fd, fd), mask) for fd, mask in events)


with select.epoll() as ep:
    print(ep.closed, ep.fileno() > 2)
    ep.register(r, select.EPOLLIN)
    ep.register(w, select.EPOLLOUT)
    print(shown(ep.poll(0)))
    os.write(w, b"abc")
    print(shown(ep.poll(0)))
    ep.modify(w, select.EPOLLIN)
    print(shown(ep.poll(0.01)))
    ep.unregister(w)
    start = time.monotonic()
    os.read(r, 3)
    print(shown(ep.poll(0.05)), time.monotonic() - start >= 0.04)
    for bad in (lambda: ep.register(r), lambda: ep.unregister(w), lambda: ep.modify(w, 1),
                lambda: ep.poll(1, 0), lambda: ep.register(-1)):
        try:
            bad()
        except Exception as e:
            print(type(e).__name__, e)
print(ep.closed)
for bad in (ep.fileno, lambda: ep.poll(0), lambda: ep.register(r)):
    try:
        bad()
    except ValueError as e:
        print("ValueError", e)
for args in ((0,), (-2,), ("x",)):
    try:
        select.epoll(*args)
    except Exception as e:
        print(type(e).__name__, e)

# Edge triggering reports new data once; level triggering while it is there.
edge = select.epoll()
edge.register(r, select.EPOLLIN | select.EPOLLET)
os.write(w, b"x")
print(shown(edge.poll(0)), shown(edge.poll(0)))
os.write(w, b"y")
print(shown(edge.poll(0)))
level = select.epoll.fromfd(os.dup(edge.fileno()))
level.close()
edge.close()
os.read(r, 2)

print(selectors.DefaultSelector.__name__)


async def main():
    loop = asyncio.get_running_loop()
    a, b = os.pipe()
    got = loop.create_future()
    loop.add_reader(a, lambda: got.set_result(os.read(a, 10)))
    loop.call_later(0.05, os.write, b, b"woke")
    result = await asyncio.wait_for(got, 5)
    loop.remove_reader(a)
    os.close(a)
    os.close(b)
    return result

print(asyncio.run(main()))
