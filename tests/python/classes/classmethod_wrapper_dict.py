# classmethod and staticmethod copy the wrapped function's module, names, docstring and annotations into a __dict__ of their own, where typing.final can add __final__
def f(x):
    "doc of f"
    return x
cm = classmethod(f); sm = staticmethod(f)
print(cm.__dict__, sm.__name__, sm.__doc__, cm.__qualname__, cm.__module__)
cm.__final__ = True; print(cm.__final__)
print(sorted(staticmethod(len).__dict__), staticmethod(len).__name__)
class X(classmethod): pass
print(X(f).__dict__, X(f).__doc__)
class K:
    @classmethod
    def m(cls): "m doc"; return cls
    @staticmethod
    def s(): return 5
print(K.m(), K.s(), K.__dict__['m'].__doc__, K.__dict__['s'].__name__)
import typing
class F:
    @typing.final
    @classmethod
    def g(cls): pass
print(F.__dict__['g'].__final__)
