# functools.partial is _functools' native class: attributes, flattening, keyword merging,
# repr, pickling and copying, __dict__, weak references, subclasses and its errors.
import _functools
import copy
import functools
import pickle
import re
import weakref
from functools import partial


def f(*args, **kw):
    return args, kw


def show(p):
    # Function addresses differ between runs.
    return re.sub(r" at 0x[0-9a-f]+", " at ADDR", repr(p))


def error(fn, *args):
    try:
        fn(*args)
    except Exception as e:
        return f"{type(e).__name__}: {e}"
    return "no error"


print(functools.partial is _functools.partial, type(partial))
p = partial(f, 1, 2, a=3)
print(p.func is f, p.args, p.keywords)
print(p(4, b=5), p(a=6), p())
print(partial(f, a=1, b=2)(c=3, a=4))
print(show(p), show(partial(f)))

# Nested partials are flattened unless the inner one has attributes of its own.
q = partial(p, 7, c=8)
print(q.func is f, q.args, q.keywords, show(q))
r = partial(f, 1)
r.note = "kept"
print(partial(r, 2).func is r, partial(r, 2).args)


class Sub(partial):
    pass


s = Sub(f, 1, k=2)
print(show(s), type(partial(s, 3).func).__name__, partial(s, 3).args)
print(Sub.__mro__[1] is partial, isinstance(s, partial))

# Read-only attributes, __dict__, weak references.
for name in ("func", "args", "keywords"):
    print(name, error(setattr, p, name, None), error(delattr, p, name))
print(error(delattr, p, "__dict__"), error(setattr, p, "__dict__", 1))
p.extra = 1
print(p.__dict__, weakref.ref(p)() is p)

# The keywords dict is the partial's own: a non-str key shows in repr, refused at call.
k = partial(f)
k.keywords[1234] = "value"
print(show(k), error(k))

# Recursive repr.
loop = partial(f)
loop.__setstate__((f, (loop,), {}, None))
print(show(loop))

# Pickling and copying keep everything, the instance dict included.
p2 = partial(max, 3, key=abs)
p2.tag = "t"
print(p2.__reduce__()[0] is partial, p2.__reduce__()[1][0] is max, p2.__reduce__()[2][1:])
for clone in (pickle.loads(pickle.dumps(p2)), copy.copy(p2), copy.deepcopy(p2)):
    print(type(clone).__name__, clone.args, clone.keywords, clone.__dict__, clone(-5, 1))

# __setstate__ checks the state.
for state in [(f, (), {}), (f, (), {}, {}, None), [f, (), {}, None], (None, (), {}, None),
              (f, None, {}, None), (f, [], {}, None), (f, (), [], None), 5]:
    print(error(partial(f).__setstate__, state))


class T(tuple):
    pass


class D(dict):
    pass


fixed = partial(f)
fixed.__setstate__((f, T((1,)), D(a=1), None))
print(type(fixed.args).__name__, type(fixed.keywords).__name__, fixed.__dict__)
fixed.__setstate__((f, (), None, {"x": 1}))
print(fixed.keywords, fixed.x)

# Errors of the constructor, and a partial in a class does not bind.
print(error(partial), error(partial, 1), error(partial.__new__, partial))
print(error(partial(f), **{}) if False else error(lambda: partial(f)(**{1: 2})))


class Holder:
    m = partial(f, "first")


print(Holder().m(2))
print(partial[int], Sub[str])
print(partial(f, 1) == partial(f, 1), callable(partial(f)))
