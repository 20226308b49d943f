# vars(), __dict__ of classes (a mappingproxy) and instance __dict__ assignment.
class C:
    a = 1

    def __init__(self):
        self.b = 2


c = C()
print(vars(c), type(C.__dict__).__name__, "a" in C.__dict__)
try:
    C.__dict__["x"] = 1
except TypeError as e:
    print(e)
c.__dict__ = {"z": 26}
print(c.z, hasattr(c, "b"))
print([n for n in dir(c) if not n.startswith("__")])
try:
    vars(5)
except TypeError as e:
    print(e)
