# Classes implementing __iter__/__next__; iter() on an iterator returns it; StopIteration ends for loops.
class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1


c = Countdown(3)
print(iter(c) is c, list(c), list(c))
print(list(zip(Countdown(3), "abc")))
print(sum(Countdown(100)))


class BadIter:
    def __iter__(self):
        return 5


try:
    iter(BadIter())
except TypeError as e:
    print(e)
