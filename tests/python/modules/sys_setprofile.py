# sys.setprofile: 'call' and 'return' events of Python functions, generator steps and
# frames ending with an exception; 'c_call', 'c_return' and 'c_exception' of builtins;
# getprofile(); a profile function that raises is removed.
import sys
import threading

events = []


def profiler(frame, event, arg):
    if not event.startswith("c_"):
        events.append((event, frame.f_code.co_name, arg if event == "return" else None))


def leaf(x):
    return x * 2


def raises():
    raise KeyError("k")


def steps():
    yield 1
    yield 2


def work():
    total = leaf(1) + leaf(2)
    try:
        raises()
    except KeyError:
        total += 1
    for value in steps():
        total += value
    return total


sys.setprofile(profiler)
print(sys.getprofile() is profiler)
result = work()
sys.setprofile(None)
print("result", result, "getprofile", sys.getprofile())
for event in events:
    print(*event)

# A profile function sees only its own thread.
seen = []
def in_thread():
    sys.setprofile(lambda frame, event, arg: seen.append((event, frame.f_code.co_name)))
    leaf(3)
    sys.setprofile(None)
thread = threading.Thread(target=in_thread)
thread.start()
thread.join()
leaf(4)
print([entry for entry in seen if not entry[0].startswith("c_")])
print(sys.getprofile())


# A profile function that raises is removed; its exception reaches the program.
def failing(frame, event, arg):
    if event == "call" and frame.f_code.co_name == "leaf":
        raise RuntimeError("from the profiler")


sys.setprofile(failing)
try:
    leaf(5)
except RuntimeError as error:
    print("RuntimeError:", error)
print("removed:", sys.getprofile() is None)


# Builtin functions and methods.
c_events = []
def c_profiler(frame, event, arg):
    if event.startswith("c_"):
        c_events.append((event, getattr(arg, "__name__", arg)))
sys.setprofile(c_profiler)
len([1, 2])
[].append(3)
try:
    int("x")
except ValueError:
    pass
sorted([3, 1], key=abs)
sys.setprofile(None)
print(c_events)
