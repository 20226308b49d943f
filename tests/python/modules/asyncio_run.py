# asyncio over the selector event loop: sleep, gather, tasks, queues, wait_for's
# timeout, and a TCP echo server and client on 127.0.0.1 (port chosen by the system).
import asyncio


async def add(a, b, delay):
    await asyncio.sleep(delay)
    return a + b


async def basics():
    print("sleep", await add(1, 2, 0.01))
    results = await asyncio.gather(add(1, 1, 0.03), add(2, 2, 0.01), add(3, 3, 0))
    print("gather", results)
    task = asyncio.create_task(add(10, 20, 0.01))
    print("task done before await", task.done())
    print("task", await task, task.done())
    failing = await asyncio.gather(add(1, None, 0), add(1, 2, 0), return_exceptions=True)
    print("gather exceptions", [type(r).__name__ for r in failing])


async def producer(queue, n):
    for i in range(n):
        await queue.put(i)
        await asyncio.sleep(0)
    await queue.put(None)


async def consumer(queue, out):
    while True:
        item = await queue.get()
        if item is None:
            return len(out)
        out.append(item * item)


async def queues():
    queue = asyncio.Queue(maxsize=3)
    out = []
    _, count = await asyncio.gather(producer(queue, 10), consumer(queue, out))
    print("queue", count, out)


async def timeouts():
    try:
        await asyncio.wait_for(asyncio.sleep(10), timeout=0.05)
    except asyncio.TimeoutError as e:
        print("wait_for timed out:", type(e).__name__)
    print("wait_for in time", await asyncio.wait_for(add(2, 3, 0.01), timeout=5))
    task = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("cancelled", task.cancelled())


async def handle_echo(reader, writer):
    while True:
        line = await reader.readline()
        if not line:
            break
        writer.write(line.upper())
        await writer.drain()
    writer.close()
    await writer.wait_closed()


async def echo():
    server = await asyncio.start_server(handle_echo, "127.0.0.1", 0)
    host, port = server.sockets[0].getsockname()
    print("server on", host, port > 0)
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    for text in [b"hello\n", b"asyncio over sockets\n", b"x" * 50000 + b"\n"]:
        writer.write(text)
        await writer.drain()
        reply = await reader.readline()
        print("echo", len(reply), reply[:30])
    writer.write_eof()
    print("eof", await reader.read())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
    print("server closed", server.is_serving())


async def clients_at_once():
    server = await asyncio.start_server(handle_echo, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]

    async def client(i):
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(b"client %d\n" % i)
        reply = await reader.readline()
        writer.close()
        await writer.wait_closed()
        return reply

    print("clients", await asyncio.gather(*(client(i) for i in range(5))))
    server.close()
    await server.wait_closed()


async def main():
    await basics()
    await queues()
    await timeouts()
    await echo()
    await clients_at_once()
    return "done"


print(asyncio.run(main()))
print(asyncio.run(add(4, 5, 0)))
