# getattr with default, setattr, delattr and hasattr, including errors and non-string names.
class C:
    a = 1


c = C()
setattr(c, "b", 2)
setattr(c, "with space", 3)
print(getattr(c, "a"), getattr(c, "b"), getattr(c, "with space"), getattr(c, "zz", None), hasattr(c, "b"))
delattr(c, "b")
print(hasattr(c, "b"), vars(c))
try:
    getattr(c, "zz")
except AttributeError as e:
    print(e)
try:
    getattr(c, 5)
except TypeError as e:
    print(e)
try:
    delattr(c, "nothing")
except AttributeError as e:
    print(e)
try:
    setattr(1, "real", 5)
except AttributeError as e:
    print(e)
