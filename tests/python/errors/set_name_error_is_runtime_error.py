# An exception in __set_name__ during class creation becomes a RuntimeError naming the
# attribute and the class, with the original as __cause__ and __context__ (CPython 3.11).
import functools
try:
    class Reused:
        @functools.cached_property
        def a(self): pass
        b = a
except RuntimeError as e:
    print(type(e).__name__, e, repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
class D:
    def __set_name__(self, owner, name): raise ValueError("no")
try:
    class K:
        x = D()
except RuntimeError as e:
    print(e, repr(e.__cause__))
