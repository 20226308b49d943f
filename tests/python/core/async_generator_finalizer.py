# An async generator dropped while suspended goes to the finalizer hook it saw first:
# asyncio's schedules aclose() on the loop, so its finally block runs before main ends.
import asyncio, gc

async def ticker(name):
    try:
        for i in range(10):
            yield i
            await asyncio.sleep(0)
    finally:
        print("closed", name)

async def main():
    g = ticker("dropped")
    print(await g.__anext__())
    del g
    gc.collect()
    for _ in range(3):
        await asyncio.sleep(0)
    print("main done")

asyncio.run(main())
print("end")
