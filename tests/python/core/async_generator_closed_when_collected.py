# An async generator that dies suspended inside a try block, with no finalizer hook set
# (no event loop), is closed: its finally block runs. CPython does it when the last
# reference goes; pypy-stm at the next collection.
import gc


async def numbers(label):
    try:
        yield 1
        yield 2
    finally:
        print("finally of", label)


def first_item(agen):
    step = agen.__anext__()
    try:
        step.send(None)
    except StopIteration as stop:
        return stop.value


g = numbers("suspended")
print("first:", first_item(g))
del g
gc.collect()
print("after the collection")

# Never started: nothing to close, no finally runs.
g = numbers("never started")
del g
gc.collect()

# Run to its end: the finally block ran once already.
g = numbers("exhausted")
first_item(g)
first_item(g)
try:
    first_item(g)
except StopAsyncIteration:
    print("exhausted")
del g
gc.collect()
print("done")
