# code.replace(): a copy of a code object with some co_* fields changed; the function
# keeps working with the new code, and types.coroutine makes a generator awaitable.
import types


def greet(name, punctuation="!"):
    return "hello " + name + punctuation


code = greet.__code__
renamed = code.replace(co_name="salute", co_qualname="Outer.salute", co_firstlineno=99)
print(renamed.co_name, renamed.co_qualname, renamed.co_firstlineno, renamed.co_varnames)
print(code.co_name, code.co_firstlineno == 99, renamed is not code, type(renamed).__name__)
greet.__code__ = renamed
print(greet("you"), greet.__code__.co_name)
same = code.replace()
print(same.co_name, same.co_argcount, same.co_flags == code.co_flags, same.co_consts == code.co_consts)
print(code.replace(co_consts=code.co_consts).co_consts == code.co_consts)
print(code.replace(co_flags=code.co_flags | 0x100).co_flags & 0x100)


@types.coroutine
def tick():
    got = yield "tick"
    return got * 2


async def main():
    return await tick() + 1


coro = main()
print(coro.send(None))
try:
    coro.send(20)
except StopIteration as stop:
    print("result", stop.value)

for bad in [
    lambda: code.replace(co_name=5),
    lambda: code.replace(co_bogus=1),
    lambda: code.replace(1),
    lambda: code.replace(co_argcount="x"),
]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
