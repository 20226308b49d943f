# super(): unbound super objects and __get__, their attributes, argument checks, proxies
# that claim a __class__; __classcell__ checks in type.__new__ and __build_class__.


class A:
    def meth(self, a):
        return "A(%r)" % a


class B(A):
    def meth(self, a):
        return "B(%r)" % a + self.__super.meth(a)


B._B__super = super(B)
print(B().meth(3))
s = super(B)
print(s.__get__(None, B) is s, s.__self__, s.__self_class__, s.__thisclass__)
b = B()
bound = s.__get__(b)
print(bound.__self__ is b, bound.__self_class__ is B, bound.__get__(B()) is bound)


class MySuper(super):
    pass


print(type(MySuper(B).__get__(b)).__name__)

for args, kwargs in [((1, 2, 3), {}), ((B,), {"x": 1}), ((B, 5), {})]:
    try:
        super(*args, **kwargs)
    except TypeError as e:
        print("TypeError:", e)


class Proxy:
    def __init__(self, obj):
        self.obj = obj

    @property
    def __class__(self):
        return B


print(super(B, Proxy(b)).meth(4))


class Meta(type):
    def __new__(cls, name, bases, namespace, cell=None, drop=False):
        if drop:
            namespace.pop("__classcell__", None)
        elif cell is not None:
            namespace["__classcell__"] = cell
        return super().__new__(cls, name, bases, namespace)


for bad in (0, "", object()):
    try:

        class C(metaclass=Meta, cell=bad):
            pass

    except TypeError as e:
        print("TypeError:", str(e).split(" at ")[0])

try:

    class D(metaclass=Meta, drop=True):
        def f(self):
            return __class__

except RuntimeError as e:
    print("RuntimeError:", e)


class Twice(type):
    def __new__(cls, name, bases, namespace):
        result = super().__new__(cls, name, bases, namespace)
        type("Other", (), namespace)
        return result


try:

    class E(metaclass=Twice):
        def f(self):
            return __class__

except TypeError as e:
    print("TypeError:", e)
