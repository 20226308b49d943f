# Data descriptors take precedence over the instance dict; non-data descriptors lose to it.
class Data:
    def __get__(self, obj, owner):
        return "data descriptor"

    def __set__(self, obj, value):
        print("Data.__set__", value)


class NonData:
    def __get__(self, obj, owner):
        return "non-data descriptor"


class C:
    d = Data()
    n = NonData()


c = C()
c.__dict__["d"] = "instance d"
c.__dict__["n"] = "instance n"
print(c.d, "|", c.n)
c.d = 5
print(C.d, "|", C.n)
del c.__dict__["n"]
print(c.n)
