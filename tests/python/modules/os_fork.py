# os.fork: the child has a copy of the parent's objects (changes on either side stay there), exit statuses come back through waitpid, and os.register_at_fork's hooks run in CPython's order (a failing one is reported as unraisable)
import os, sys

def unraisable(args):
    print("unraisable:", args.exc_type.__name__, args.exc_value, args.object.__name__, flush=True)
sys.unraisablehook = unraisable

for args, kwargs in [((), {}), ((), {"before": 1}), ((print,), {}),
                     ((), {"after_in_child": None}), ((), {"bogus": print})]:
    try:
        os.register_at_fork(*args, **kwargs)
    except TypeError as e:
        print("TypeError:", e)

def failing_hook():
    raise ValueError("hook failed")

os.register_at_fork(before=failing_hook)
events = []
os.register_at_fork(before=lambda: events.append("before 1"),
                    after_in_parent=lambda: events.append("parent 1"),
                    after_in_child=lambda: events.append("child 1"))
os.register_at_fork(before=lambda: events.append("before 2"),
                    after_in_parent=lambda: events.append("parent 2"),
                    after_in_child=lambda: events.append("child 2"))

table = {"numbers": list(range(5)), "name": "parent"}
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(r)
    table["numbers"].append(100)
    table["name"] = "child"
    squares = [i * i for i in range(100000)]  # allocation enough for a collection
    os.write(w, repr((table, sum(squares), events)).encode())
    os.close(w)
    os._exit(3)
os.close(w)
table["numbers"].append(-1)
reply = b""
while chunk := os.read(r, 4096):
    reply += chunk
os.close(r)
waited, status = os.waitpid(pid, 0)
print("child said", reply.decode())
print("parent has", table, events)
del events[:]
print("same pid:", waited == pid, "exit code:", os.waitstatus_to_exitcode(status))

# A child that ends normally runs its atexit functions and flushes what it printed.
pid = os.fork()
if pid == 0:
    import atexit
    atexit.register(print, "atexit in the child")
    print("the child ends with sys.exit(4)")
    sys.exit(4)
print("exit code:", os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
