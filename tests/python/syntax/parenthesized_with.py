# Parenthesized context managers with trailing commas (3.10+ grammar).
import contextlib


@contextlib.contextmanager
def cm(n):
    yield n


with (
    cm(1) as a,
    cm(2) as b,
):
    print(a, b)
with (cm(3)) as c:
    print(c)
with (cm(4), cm(5)):
    print("no names")
