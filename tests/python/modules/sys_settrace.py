# sys.settrace: 'call' to the global trace function, then 'line', 'return' and
# 'exception' to the frame's f_trace, with the line numbers CPython reports (loops,
# generators resumed at their yield, an exception crossing frames); f_trace_lines;
# gettrace(); a trace function that raises is removed.
import sys
events = []
def tracer(frame, event, arg):
    events.append((event, frame.f_code.co_name, frame.f_lineno, arg if event == "return" else (arg[0].__name__ if event == "exception" else None)))
    return tracer
def g():
    yield 1
    x = 2
    yield x
def f(n):
    total = 0
    for i in range(n):
        if i % 2:
            total += i
    try:
        raise ValueError("v")
    except ValueError:
        total -= 1
    for v in g():
        total += v
    while n > 0:
        n -= 1
    return total
def h():
    return f(3)
sys.settrace(tracer)
h()
sys.settrace(None)
for e in events: print(*e)


def caught():
    try:
        leaf_raises()
    except KeyError:
        return "caught"


def leaf_raises():
    raise KeyError("k")


events.clear()
sys.settrace(tracer)
caught()
sys.settrace(None)
for e in events: print(*e)

# Without line events for one frame.
def quiet(frame, event, arg):
    frame.f_trace_lines = False
    events.append((event, frame.f_code.co_name, frame.f_lineno))
    return quiet
events.clear()
sys.settrace(quiet)
h()
sys.settrace(None)
print(events)
print(sys.gettrace())

def failing(frame, event, arg):
    if event == "line" and frame.f_lineno == g.__code__.co_firstlineno + 2:
        raise RuntimeError("from the trace function")
    return failing

sys.settrace(failing)
try:
    list(g())
except RuntimeError as error:
    print("RuntimeError:", error)
print("removed:", sys.gettrace() is None)
frame = sys._getframe()
print(frame.f_trace, frame.f_trace_lines, frame.f_trace_opcodes)
