# __call__ makes instances callable; callable() reports it.
class Adder:
    def __init__(self, n):
        self.n = n

    def __call__(self, x, *, twice=False):
        return (x + self.n) * (2 if twice else 1)


add5 = Adder(5)
print(add5(1), add5(1, twice=True), callable(add5), callable(Adder), callable(5))
print(list(map(add5, [1, 2, 3])))
try:
    five = 5
    five()
except TypeError as e:
    print(e)
try:
    Adder(1)(1, 2)
except TypeError as e:
    print(e)
