# A property is named in errors only when __set_name__ named it (assigned in a class
# body); setter() and deleter() copies keep that name.
class X:
    a = property(len)

    @property
    def b(self):
        return 1

    @b.deleter
    def b(self):
        print("deleted b")


X.c = property(len)
for name in "abc":
    for action in (lambda o: setattr(o, name, 1), lambda o: delattr(o, name)):
        try:
            action(X())
        except AttributeError as e:
            print("AttributeError:", e)
p = property(len)
try:
    p.__name__
except AttributeError as e:
    print("AttributeError:", e)
try:
    p.__set__(X(), 1)
except AttributeError as e:
    print("AttributeError:", e)
X.__dict__["b"].__delete__(X())
try:
    X.__dict__["a"].__delete__(X())
except AttributeError as e:
    print("AttributeError:", e)
