# Class creation: __prepare__ must return a mapping, a metaclass's one-argument call is
# refused, type.__setattr__ wants a str name; a class's __annotations__ is its own
# (made empty on first use, never a base's); gi_code/cr_code outlive the frame;
# mappingproxy[...] is a generic alias.
import types


class BadMeta(type):
    @classmethod
    def __prepare__(*args):
        return None


try:

    class Foo(metaclass=BadMeta):
        pass

except TypeError as e:
    print("TypeError:", e)


class M(type):
    pass


for call in (lambda: M(5), lambda: type(1, 2)):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)


class C:
    pass


try:
    type.__setattr__(C, b"x", None)
except TypeError as e:
    print("TypeError:", e)
print(C.__annotations__, C.__dict__.get("__annotations__"))


class D(C):
    x: int


class E(D):
    pass


print(E.__annotations__, D.__annotations__)
try:
    int.__annotations__
except AttributeError as e:
    print("AttributeError:", e)


def gen():
    yield


async def coro():
    pass


g = gen()
list(g)
c = coro()
try:
    c.send(None)
except StopIteration:
    pass
print(g.gi_code.co_name, c.cr_code.co_name, g.gi_frame, c.cr_frame)
print(types.MappingProxyType[str, int])

for attr in ("__dict__", "__mro__", "__base__", "__flags__"):
    for action in (lambda: setattr(C, attr, {}), lambda: delattr(C, attr)):
        try:
            action()
        except AttributeError as e:
            print("AttributeError:", e)
print(sorted(k for k in C.__dict__ if k in ("__dict__", "__mro__")))
