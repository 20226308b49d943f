# A metaclass's own mro(): called when the class is made and when __bases__ changes, its
# result checked; __class__ is usable inside it; type.mro() computes C3 afresh.


class Reversed(type):
    def mro(cls):
        order = type.mro(cls)
        return [order[0]] + order[1:-1][::-1] + [order[-1]]


class X:
    def f(self):
        return "X"


class Y:
    def f(self):
        return "Y"


class Z(X, Y, metaclass=Reversed):
    pass


print([c.__name__ for c in Z.__mro__], Z().f())
Z.__bases__ = (Y, X)
print([c.__name__ for c in Z.__mro__], Z().f())
print([c.__name__ for c in type.mro(Z)])

seen = []


class Peek(type):
    def mro(cls):
        seen.append(cls.__mro__)
        cls.__dict__["f"]()
        return super().mro()


class P(metaclass=Peek):
    def f():
        seen.append(__class__.__name__)


print(seen)

for result in ([1], (object, int)):

    class Bad(type):
        def mro(cls, result=result):
            return result

    try:

        class Q(metaclass=Bad):
            pass

    except TypeError as e:
        print("TypeError:", e)


class Incomplete(type):
    def mro(cls):
        if cls.__name__ != "Sub":
            try:

                class Sub(cls):
                    pass

            except TypeError as e:
                print("TypeError:", e)
        return type.mro(cls)


class R(metaclass=Incomplete):
    pass


class S:
    pass


class Swap(type):
    def mro(cls):
        return (S,)


try:

    class T(metaclass=Swap):
        pass

except TypeError as e:
    print("TypeError:", e)


class Cycle(type):
    ready = False

    def mro(cls):
        if Cycle.ready and cls.__name__ == "B1":
            B2.__bases__ = (B1,)
        if Cycle.ready and cls.__name__ == "B2":
            B1.__bases__ = (B2,)
        return type.mro(cls)


class A(metaclass=Cycle):
    pass


class B1(A):
    pass


class B2(A):
    pass


Cycle.ready = True
try:
    B1.__bases__ += ()
except TypeError as e:
    print("TypeError:", e)
