# __index__ makes objects usable as indices and in bin/hex; __int__ and __float__ drive conversions.
class Idx:
    def __index__(self):
        return 2


class Num:
    def __int__(self):
        return 7

    def __float__(self):
        return 1.5


lst = ["a", "b", "c", "d"]
print(lst[Idx()], lst[Idx():], bin(Idx()), hex(Idx()), range(10)[Idx()], "ab" * Idx())
print(int(Num()), float(Num()), int(Idx()))
try:
    lst[Num()]
except TypeError as e:
    print(e)
try:
    lst[1.0]
except TypeError as e:
    print(e)
import operator

print(operator.index(Idx()))
