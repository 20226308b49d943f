# bool is a subclass of int with two singletons; arithmetic on bools gives ints.
print(True + True, True * 3, -True, ~False, True / 2, type(True + 1).__name__)
print(isinstance(True, int), bool.__mro__, bool(0), bool("0"), bool([]), bool(0.0), bool(-0.0), bool(0j))
print(repr(True), str(False), True == 1, True is (1 == 1), hash(True))
print(True & False, True | False, True ^ True, type(True & False).__name__, type(True & 2).__name__)
try:
    class B(bool):
        pass
except TypeError as e:
    print(e)
print(sum([True, True, False]), max(False, True), ["no", "yes"][True])
