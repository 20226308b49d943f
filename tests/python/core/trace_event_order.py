# sys.settrace's events in CPython 3.11's order: StopIteration of yield from / for, return line, opcode
import sys


def tracer(frame, event, arg):
    if frame.f_code.co_filename != __file__ or frame.f_code.co_name == "tracer":
        return None
    line = frame.f_lineno - frame.f_code.co_firstlineno
    if event == "exception":
        arg = (arg[0].__name__, arg[1].args, arg[2] is None)
    if event != "opcode":
        print(f"  {frame.f_code.co_name} {line} {event} {arg}")
    else:
        seen.add(frame.f_code.co_name)
    return tracer


def gen():
    yield 1
    return 5


def subgen():
    x = yield from gen()
    return x + 2


def loops():
    for i in gen():
        pass
    for i in subgen():
        pass


def raise_in_handler():
    try:
        raise KeyError
    except KeyError:
        raise ValueError


def caller():
    try:
        raise_in_handler()
    except ValueError:
        return "caught"


def opcodes():
    sys._getframe().f_trace_opcodes = True
    a = 1
    return a


seen = set()
for f in (loops, caller, opcodes):
    print(f.__name__)
    sys.settrace(tracer)
    f()
    sys.settrace(None)
print("opcode events in:", sorted(seen))
