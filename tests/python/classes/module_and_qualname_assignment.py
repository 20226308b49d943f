# A class's repr, and its instances' default repr, follow assignments to __module__ and
# __qualname__, as CPython reads both from the class's dict.
class A:
    pass


A.__module__ = "zz"
print(repr(A), A.__module__)
A.__qualname__ = "B.C"
print(repr(A), repr(A()).split(" object at ")[0])
