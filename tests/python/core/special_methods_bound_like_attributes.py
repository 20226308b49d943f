# A special method found on the type is bound as attribute lookup would bind it: a class
# or a builtin function gets no self (typing's TypedDict has `__call__ = dict` in its
# metaclass), staticmethod and classmethod unwrap, an object with __get__ is asked, a
# builtin method descriptor and a function get self. types.MethodType still passes self to
# whatever it wraps.
import functools, types, typing

class Meta(type):
    __call__ = dict
class Made(metaclass=Meta):
    pass
print(Made(a=1), Made([("b", 2)]))

class Movie(typing.TypedDict, total=False):
    title: str
    year: int
print(Movie(title="Up", year=2009), Movie.__optional_keys__ == {"title", "year"})

def show(*args):
    return ("show", args)

class Static:
    __call__ = staticmethod(show)
    __len__ = staticmethod(lambda: 7)
class Klass:
    __call__ = classmethod(show)
class Plain:
    __call__ = show
class Builtin:
    __call__ = print
    __repr__ = object.__repr__
    __hash__ = hex

class Getter:
    def __get__(self, obj, cls):
        return lambda *a: ("got", type(obj).__name__, a)
class WithGetter:
    __call__ = Getter()
    __len__ = Getter()

class Partial:
    __call__ = functools.partial(show, "p")

s = Static()
print(s(1), s.__call__(2))
try:
    len(s)
except TypeError as e:
    print("TypeError", e)
print(Klass()(3)[0], Klass()(3)[1][0] is Klass)
p = Plain()
print(p(4)[1][0] is p)
Builtin()("builtin print gets no self")
print(repr(Builtin()).startswith("<__main__.Builtin object"))
try:
    hash(Builtin())
except TypeError as e:
    print("TypeError", e)
print(WithGetter()(5))
try:
    len(WithGetter())
except TypeError as e:
    print("TypeError", e)
print(Partial()(6))
m = types.MethodType(dict, [("k", "v")])
print(m(), types.MethodType(show, "me")(8))
