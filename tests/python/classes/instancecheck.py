# __instancecheck__ and __subclasscheck__ on a metaclass customize isinstance and issubclass.
class EvenMeta(type):
    def __instancecheck__(cls, obj):
        return isinstance(obj, int) and obj % 2 == 0

    def __subclasscheck__(cls, sub):
        return sub is bool


class Even(metaclass=EvenMeta):
    pass


print(isinstance(4, Even), isinstance(3, Even), isinstance("x", Even))
print(issubclass(bool, Even), issubclass(int, Even))
print(isinstance(5, (str, Even, int)))
try:
    isinstance(1, 5)
except TypeError as e:
    print(e)
