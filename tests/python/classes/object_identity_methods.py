# Default object behaviour: __eq__ by identity, __ne__ derived from __eq__, __hash__ present.
class C:
    pass


class E:
    def __eq__(self, o):
        print("eq called")
        return True


a, b = C(), C()
print(a == a, a == b, a != b, a is a, hash(a) == hash(a))
print(E() != E())
print(object.__eq__(a, b), object.__eq__(a, a), object.__ne__(a, b))
print(C.__bases__, C.__base__, object.__bases__)
print(type(C.__init__).__name__, C.__init__ is object.__init__)
