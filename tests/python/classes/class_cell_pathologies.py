# A class body that reads __class__ sees the enclosing method's __class__, not its own
# cell for its methods; without one it is a NameError; global and nonlocal __class__.
class A:
    def f(self):
        return 'A'


class T:
    def m(self):
        class X(A):
            def f(self):
                return super().f()
            __class__ = 413
        x = X()
        print(x.f(), x.__class__)

        class Y:
            y = __class__

            def f():
                __class__
        print(Y.y is T)
        try:
            exec("class Z:\n __class__\n def f():\n  __class__\n", globals(), {})
        except NameError as e:
            print(type(e).__name__, e)

        class G:
            global __class__
            __class__ = 42

            def f():
                __class__
        print(globals()["__class__"], "__class__" in G.__dict__)
        del globals()["__class__"]

        class N:
            nonlocal __class__
            __class__ = 42

            def f():
                __class__
        print(__class__)


T().m()
