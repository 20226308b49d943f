# Names starting with two underscores are mangled with the class name inside class bodies.
class A:
    __secret = "A's"

    def get(self):
        return self.__secret

    def set_via_mangle(self):
        self.__x = 1
        return sorted(vars(self))


class B(A):
    __secret = "B's"

    def get_b(self):
        return self.__secret


b = B()
print(b.get(), b.get_b(), A._A__secret, B._B__secret)
print(b.set_via_mangle())
try:
    b.__secret
except AttributeError as e:
    print(e)
print(hasattr(A, "__secret"), "__dunder__" == "__dunder__")
