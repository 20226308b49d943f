# Function objects: __name__, __qualname__, __doc__, __defaults__, __annotations__, custom attributes.
def outer():
    def inner(x: int, y: "str" = "s") -> list:
        "inner doc"

    return inner


f = outer()
print(f.__name__, f.__qualname__, f.__doc__, f.__defaults__)
print(f.__annotations__)
print(f.__code__.co_argcount, f.__code__.co_varnames, f.__module__)
f.custom = 42
print(f.__dict__)


class K:
    def m(self):
        pass


print(K.m.__qualname__, K().m.__func__ is K.m, K().m.__self__.__class__.__name__)
print((lambda: 0).__name__)
