# inspect-free generator introspection: gi_running, gi_frame, gi_yieldfrom; a running generator cannot be re-entered.
def g():
    yield me.gi_running
    yield next(me)


me = g()
print(me.gi_frame is not None, me.gi_running)
print(next(me))
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)
print(me.gi_frame)


def outer():
    yield from inner


inner = iter([1, 2])
o = outer()
next(o)
print(o.gi_yieldfrom is inner)
