# Old-style iteration: a class with only __getitem__ is iterable until IndexError; "in" uses it too.
class Squares:
    def __getitem__(self, i):
        if i >= 5:
            raise IndexError(i)
        return i * i


print(list(Squares()), 9 in Squares(), 10 in Squares())
it = iter(Squares())
print(type(it).__name__, next(it), next(it))
a, b, *c = Squares()
print(a, b, c)


class NotIterable:
    pass


try:
    iter(NotIterable())
except TypeError as e:
    print(e)
try:
    for x in 5:
        pass
except TypeError as e:
    print(e)
