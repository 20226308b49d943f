# hash() of an object returning a huge int is reduced; hash of ints equals the int for small values;
# equal numbers of different types hash alike.
class H:
    def __init__(self, h):
        self.h = h

    def __hash__(self):
        return self.h


print(hash(H(5)), hash(H(-1)), hash(H(2**64)) == hash(2**64))
print(hash(1) == hash(1.0) == hash(True), hash(0.5) == hash(0.5 + 0j))
print(hash(-1), hash(-2), hash(2**61 - 1), hash(2**61))
print(hash(()) == hash(()), hash((1, 2)) == hash((1, 2)))
try:
    hash(H("x"))
except TypeError as e:
    print(e)
