# marshal.dumps / marshal.loads of code objects: the loaded code runs as the compiled one,
# with the same constants, names, defaults and line numbers; cut or damaged data is an
# EOFError or ValueError.
import marshal
import sys
import traceback

SOURCE = '''
BIG = 12345678901234567890123456789 ** 2
NEG = -0x7fffffffffffffffffff

def outer(a, b=2, /, c=3, *args, d, e=5, **kw):
    total = a + b + c + d + e + len(args) + len(kw)
    def inner(x):
        return x * total
    return inner

def counter(n):
    for i in range(n):
        yield i * i

async def coro(v):
    return v + 1

class Point:
    """A point."""
    kind = frozenset({"x", "y", "z"})
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"
    @property
    def norm(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

def consts():
    return (None, ..., True, False, 1.5, -0.0, 2j, 3+4j, b"by\\x00tes", "t\\u00e9xt \\U0001f600",
            (1, (2, (3,))), x in {1, 2, 3} if (x := 2) else 0)

def fails(n):
    if n > 1:
        return fails(n - 1)
    raise ValueError("deep " + str(n))

def handles():
    try:
        1 / 0
    except ZeroDivisionError as exc:
        return type(exc).__name__
    finally:
        pass

comprehended = [y * 2 for y in range(4) if y] + sorted({y % 3 for y in range(9)})
'''

code = compile(SOURCE, "sample.py", "exec")
data = marshal.dumps(code)
print(type(data).__name__, len(data) > 100)
loaded = marshal.loads(data)
print(type(loaded).__name__, loaded.co_filename, loaded.co_name, loaded.co_firstlineno)
print(marshal.loads(marshal.dumps(loaded)).co_names == code.co_names)

ns = {"__name__": "sample"}
exec(loaded, ns)
print(ns["BIG"], ns["NEG"])
print(ns["outer"](1, d=4)(10), ns["outer"](1, 1, 1, 7, 8, d=1, e=1, f=2)(1))
print(ns["outer"].__defaults__, ns["outer"].__kwdefaults__)
print(ns["outer"].__code__.co_posonlyargcount, ns["outer"].__code__.co_kwonlyargcount,
      ns["outer"].__code__.co_varnames, ns["outer"].__code__.co_cellvars)
print(ns["outer"](1, d=1).__code__.co_freevars, ns["outer"](1, d=1).__qualname__)
print(list(ns["counter"](5)))
try:
    ns["coro"](41).send(None)
except StopIteration as stop:
    print("coro", stop.value)
p = ns["Point"](3, 4)
print(p, p.norm, ns["Point"].__doc__, sorted(ns["Point"].kind), type(ns["Point"].kind).__name__)
print(ns["consts"]())
print(ns["handles"](), ns["comprehended"])
try:
    ns["fails"](3)
except ValueError:
    for frame in traceback.extract_tb(sys.exc_info()[2])[1:]:
        print(frame.filename, frame.lineno, frame.name)

# A function's own code object, alone.
def standalone(q, *, r=1):
    return [q, r]
f_code = marshal.loads(marshal.dumps(standalone.__code__))
print(f_code.co_name, f_code.co_qualname, f_code.co_argcount, f_code.co_firstlineno)
print(eval(compile("[k for k in range(3)]", "e", "eval")),
      eval(marshal.loads(marshal.dumps(compile("[k for k in range(3)]", "e", "eval")))))

# Code inside other marshalled values.
mixed = marshal.loads(marshal.dumps([standalone.__code__, {"k": (1, code)}]))
print(type(mixed[0]).__name__, type(mixed[1]["k"][1]).__name__)

# Cut or damaged data never loads.
for cut in (1, 2, len(data) // 3, len(data) - 1):
    try:
        marshal.loads(data[:cut])
        print("loaded a cut", cut)
    except (EOFError, ValueError, TypeError):
        pass
print("cuts refused")
try:
    marshal.dumps(compile("x = 1", "f", "exec").replace(co_consts=(1, None, object())))
except ValueError as exc:
    print("ValueError", exc)
