# exec()/eval(): what globals and locals they take, the builtins that the code sees and
# CPython's TypeErrors for the rest.
import collections


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


code = compile("print('Hello World!')", "", "exec")
show(lambda: exec(code, {'__builtins__': {}}))
show(lambda: exec(code, {'__builtins__': 123}))
show(lambda: exec("x = 1", {'__builtins__': 123}))
show(lambda: exec("def f(): return len\nf()", {'__builtins__': 123}))
show(lambda: exec("y", {'__builtins__': {'y': 5}}))
show(lambda: eval("y * 2", {'__builtins__': {'y': 5}}))
show(lambda: exec("class A: pass", {'__builtins__': {}}))


class Builtins(dict):
    def __missing__(self, key):
        return 'from __missing__'


show(lambda: eval("anything", {'__builtins__': Builtins()}))
show(lambda: exec("x = 1", {}, 1))
show(lambda: eval("1", {}, 1))
show(lambda: eval("len('ab')", {}, []))
show(lambda: eval("1", 1))
show(lambda: eval("1", collections.UserDict()))
show(lambda: exec("1", collections.UserDict()))
show(lambda: eval("a", {}, collections.UserDict(a=3)))

# Globals without __builtins__ get the running code's builtins dict.
ns = {}
exec("pass", ns)
print(type(ns['__builtins__']).__name__, ns['__builtins__'] is __builtins__.__dict__)
# A function's __builtins__ is its globals' builtins.
import string
print(type(string.__builtins__).__name__, string.capwords.__builtins__ is string.__builtins__)
# A function made with globals that lack __builtins__ inherits the running code's.
code = """
def func3(s): pass
func4 = type(func3)(func3.__code__, {})
"""
safe_builtins = {'None': None}
ns = {'type': type, '__builtins__': safe_builtins}
exec(code, ns)
print(ns['func3'].__builtins__ is safe_builtins, ns['func4'].__builtins__ is safe_builtins,
      '__builtins__' in ns['func4'].__globals__)
g = type(show)(show.__code__, {})
print(g.__builtins__ is __builtins__.__dict__)
