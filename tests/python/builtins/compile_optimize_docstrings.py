# compile(optimize=N): 1 drops asserts and makes __debug__ False; 2 also drops the
# docstrings of modules, classes and functions (the string stays a statement).
import ast

src = '''"""module doc"""
def f():
    """doc"""
    debug_enabled = False
    if __debug__:
        debug_enabled = True
    try:
        assert False
    except AssertionError:
        return (True, f.__doc__, debug_enabled, __debug__)
    else:
        return (False, f.__doc__, debug_enabled, __debug__)
class C:
    """class doc"""
    def m(self):
        "method doc"
        return 1
'''
for opt in (-1, 0, 1, 2):
    for code in (compile(src, "<test>", "exec", optimize=opt),
                 compile(ast.parse(src), "<test>", "exec", optimize=opt)):
        ns = {}
        exec(code, ns)
        print(opt, ns['f'](), ns.get('__doc__'), ns['C'].__doc__, ns['C'].m.__doc__,
              ns['C']().m())
# Only the first statement is a docstring; later strings are ignored either way.
ns = {}
exec(compile('def g():\n    "a"\n    "b"\n    return 2\n', "<t>", "exec", optimize=2), ns)
print(ns['g'].__doc__, ns['g']())
