# Class definitions with keywords, empty parentheses, starred bases and a metaclass keyword.
bases = (object,)


class A():
    pass


class B(*bases):
    pass


class M(type):
    def __new__(m, name, b, ns, **kw):
        ns["kw"] = kw
        return super().__new__(m, name, b, ns)


class C(A, metaclass=M, flag=1):
    pass


print(A.__bases__, B.__bases__, C.kw, type(C).__name__)
