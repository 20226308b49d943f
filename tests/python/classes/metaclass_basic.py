# A metaclass's __new__ and __init__ run at class creation and can add attributes; type(cls) is the metaclass.
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("Meta.__new__", name, [b.__name__ for b in bases], sorted(k for k in ns if not k.startswith("__")), kw)
        ns["added"] = name.lower()
        return super().__new__(mcls, name, bases, ns)

    def __init__(cls, name, bases, ns, **kw):
        print("Meta.__init__", name)
        super().__init__(name, bases, ns)


class Base(metaclass=Meta):
    x = 1


class Child(Base, flag=True):
    def method(self):
        pass


print(type(Base).__name__, type(Child).__name__, Child.added, Base.added)
print(isinstance(Child, Meta), type(Meta).__name__)
