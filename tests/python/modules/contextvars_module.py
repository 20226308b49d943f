# contextvars: ContextVar get/set/reset, Token, copy_context, Context.run, per-thread contexts.
import contextvars
v = contextvars.ContextVar('v', default=1)
print(v.name, v.get(), v.get(5))
tok = v.set(2)
print(v.get(), tok.var is v, tok.old_value is contextvars.Token.MISSING)
ctx = contextvars.copy_context()
def inside(x):
    v.set(x)
    return v.get(), len(contextvars.copy_context())
print(ctx.run(inside, 10), v.get(), ctx[v], v in ctx, list(ctx.items()) == [(v, 10)])
v.reset(tok)
print(v.get())
try:
    v.reset(tok)
except RuntimeError as e:
    print("RuntimeError", "already been used" in str(e))
w = contextvars.ContextVar('w')
try:
    w.get()
except LookupError as e:
    print("LookupError", e.args[0] is w)
try:
    ctx.run(lambda: ctx.run(print))
except RuntimeError as e:
    print("RuntimeError", "already entered" in str(e))
import threading
out = []
def worker():
    out.append(v.get())
    v.set(99)
    out.append(v.get())
t = threading.Thread(target=worker); t.start(); t.join()
print(out, v.get())
print(contextvars.ContextVar[int])
try:
    class Sub(contextvars.ContextVar): pass
except TypeError as e:
    print(e)
