# The traceback module on pypy-stm: print_exc, format_exception and format_exc with
# CPython 3.11's layout (source lines and carets, from code.co_positions()). Paths are
# printed relative to this folder, so that the expected output holds on any machine.
import io
import os
import sys
import traceback

HERE = os.path.dirname(os.path.abspath(__file__)) + os.sep


def show(text):
    print(text.replace(HERE, ""), end="")


def inner(x):
    return 10 / x


def outer():
    values = [1, 2, 0]
    return [inner(v) for v in values]


try:
    outer()
except ZeroDivisionError:
    out = io.StringIO()
    traceback.print_exc(file=out)
    show(out.getvalue())

try:
    {}["missing"]
except KeyError as e:
    show("".join(traceback.format_exception(e)))


def gen():
    yield 1
    raise ValueError("bad")


try:
    list(gen())
except ValueError:
    show(traceback.format_exc())

print([f.name for f in traceback.extract_stack()])
print(os.path.isabs(__file__), os.path.basename(__file__))


def f():
    return sys._getframe()


fr = f()
first = f.__code__.co_firstlineno
print(fr.f_code.co_name, fr.f_lineno - first)
# Every instruction has a position; the lines are the function's, and co_lines() covers
# every instruction once, in order.
positions = list(f.__code__.co_positions())
print(all(len(p) == 4 for p in positions), {p[0] for p in positions if p[0]} <= {first, first + 1})
lines = list(f.__code__.co_lines())
print(lines[-1][1] == 2 * len(positions), all(a < b for a, b, _ in lines))
