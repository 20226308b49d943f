# AttributeError's name and obj fields, and a suggestion differing only in case.
class Point:
    def __init__(self):
        self.Xcoord = 1
p = Point()
e = AttributeError("m", name="n", obj=5)
print(e.name, e.obj, e.args)
print(NameError("x", name="y").name, NameError().name, AttributeError().obj)
try:
    p.xcoord
except AttributeError as err:
    print(err.name, type(err.obj).__name__)
try:
    ValueError(name=1)
except TypeError as err:
    print(err)
try:
    NameError(foo=1)
except TypeError as err:
    print(err)
p.xcoord
