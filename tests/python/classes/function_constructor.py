# types.FunctionType(code, globals, name=None, argdefs=None, closure=None).
import types


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


def outer():
    x = 5

    def inner(a, b=2):
        return a + b + x
    return inner


inner = outer()
ns = {}
g = types.FunctionType(inner.__code__, ns, 'renamed', (10,), inner.__closure__)
print(g.__name__, g.__qualname__, g(1), g(1, 1), g.__defaults__, g.__globals__ is ns)
print(g.__builtins__ is __builtins__.__dict__, g.__closure__ is inner.__closure__)
h = types.FunctionType(code=(lambda: 3).__code__, globals={'z': 1})
print(h(), h.__name__, h.__defaults__, h.__kwdefaults__)
show(lambda: types.FunctionType(inner.__code__, ns))
show(lambda: types.FunctionType(inner.__code__, ns, closure=(1,)))
show(lambda: types.FunctionType(inner.__code__, ns, closure=()))
show(lambda: types.FunctionType(1, ns))
show(lambda: types.FunctionType(inner.__code__, []))
show(lambda: types.FunctionType(inner.__code__, ns, 5))
show(lambda: types.FunctionType(inner.__code__, ns, None, [1]))
show(lambda: types.FunctionType(inner.__code__, ns, None, None, [1]))
show(lambda: types.FunctionType((lambda: 3).__code__, {}, closure=(1,)))
show(lambda: types.FunctionType((lambda: 3).__code__))
show(lambda: types.FunctionType((lambda: 3).__code__, {}, bogus=1))
