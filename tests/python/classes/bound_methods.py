# Bound methods remember their instance; equality compares function and self; methods are created on access.
class C:
    def m(self):
        return id(self) == id(c)


c = C()
m1, m2 = c.m, c.m
print(m1 == m2, m1.__self__ is c, m1.__func__ is C.m, m1())
print(C.m(c), C.__dict__["m"] is C.m)
other = C()
print(c.m == other.m)
f = c.m
del C.m
print(f())
try:
    c.m
except AttributeError as e:
    print(e)
