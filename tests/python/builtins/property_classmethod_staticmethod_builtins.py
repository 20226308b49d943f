# The decorator builtins used as plain functions.
class C:
    def _get(self):
        return "got"

    x = property(_get)
    s = staticmethod(len)
    c = classmethod(lambda cls, v: (cls.__name__, v))


print(C().x, C.s("abc"), C.c(1), C().c(2))
print(isinstance(C.__dict__["x"], property), type(C.__dict__["s"]).__name__, C.__dict__["s"].__wrapped__ is len)
