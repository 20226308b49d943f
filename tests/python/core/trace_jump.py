# Setting frame.f_lineno from a trace function jumps (pdb's `jump`), with CPython 3.11's rules
import sys


def run(func, jump_from, jump_to, event="line"):
    """Runs func(out), jumping once from its line jump_from to jump_to (relative lines)."""
    first = func.__code__.co_firstlineno
    state = {"done": False, "error": None}

    def tracer(frame, ev, arg):
        if state["done"] or frame.f_code is not func.__code__:
            return tracer
        if ev == event and frame.f_lineno == first + jump_from:
            state["done"] = True
            try:
                frame.f_lineno = first + jump_to if isinstance(jump_to, int) else jump_to
            except ValueError as e:
                state["error"] = str(e)
        return tracer

    out = []
    sys.settrace(tracer)
    try:
        func(out)
    except Exception as e:
        out.append(type(e).__name__)
    finally:
        sys.settrace(None)
    print(func.__name__, out, state["error"] or "")


# Before any trace function ran, CPython's last event is a 'call'.
try:
    sys._getframe().f_lineno = 1
except ValueError as e:
    print("no tracer:", e)


def forwards(out):
    out.append(1)
    out.append(2)
    out.append(3)


def backwards(out):
    out.append(1)
    out.append(2)


def out_of_loop(out):
    for i in 1, 2:
        out.append(2)
        for j in [3]:
            out.append(4)
    out.append(5)


def into_loop(out):
    out.append(1)
    for i in 1, 2:
        out.append(3)


def out_of_with(out):
    class Ctx:
        def __enter__(self): out.append("enter")
        def __exit__(self, *a): out.append("exit")
    with Ctx():
        out.append(6)
        out.append(7)
    out.append(8)


def out_of_except(out):
    try:
        1 / 0
    except ZeroDivisionError:
        out.append(4)
        out.append(5)
    out.append(sys.exc_info()[0])


def into_except(out):
    try:
        out.append(2)
    except ValueError:
        out.append(4)


def into_finally(out):
    try:
        out.append(2)
        1 / 0
    finally:
        out.append(5)
        out.append(6)
    out.append(7)


def to_blank_line(out):
    out.append(1)

    out.append(3)


def gen_yield(out):
    def gen():
        out.append(2)
        yield 3
    next(gen())
    out.append(5)


run(forwards, 1, 3)
run(backwards, 2, 1)
run(out_of_loop, 4, 5)
run(into_loop, 1, 3)
run(out_of_with, 5, 7)
run(out_of_except, 4, 6)
run(into_except, 2, 4)
run(into_finally, 6, 7)
run(to_blank_line, 1, 2)
run(gen_yield, 3, 2, event="return")
run(forwards, 2, -1)
run(forwards, 2, 100)
run(forwards, 2, "3")
run(forwards, 3, 1, event="return")
run(out_of_except, 2, 4, event="exception")
run(forwards, 0, 2, event="call")
try:
    del sys._getframe().f_lineno
except AttributeError as e:
    print("del:", e)
