# A class whose __next__ (or __iter__) is a bound builtin method stored as a class
# attribute: it is no descriptor, so next() and for loops call it as it is, without the
# instance (xml.etree.ElementTree.iterparse builds its iterator this way).
def gen():
    yield "a"
    yield "b"


class FromGenerator:
    __next__ = gen().__next__

    def __iter__(self):
        return self


class FromListIterator:
    __next__ = iter([1, 2, 3]).__next__


it = FromGenerator()
print(next(it), it.__next__())
print(next(it, "done"))
try:
    next(it)
except StopIteration:
    print("StopIteration")
print(list(FromGenerator()))
x = FromListIterator()
print(next(x), next(x), next(x), next(x, None))


class Appender:
    add = [].append


a = Appender()
a.add(1)
print(Appender.add.__self__)
