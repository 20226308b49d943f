# contextlib.contextmanager and suppress, closing, ExitStack.
import contextlib


@contextlib.contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")


with tag("b") as t:
    print("inside", t)
with contextlib.suppress(ZeroDivisionError):
    1 / 0
print("after suppress")
with contextlib.ExitStack() as stack:
    for n in ("x", "y"):
        stack.enter_context(tag(n))
    stack.callback(print, "callback runs first")
try:
    with tag("err"):
        raise ValueError("inside tag")
except ValueError as e:
    print("caught", e)
