a = [1, 2, 3] * 4
print(a, len([None] * 0), [] * 5, [7] * -1)
b = [1, 2]
b *= 3
print(b)
c = [0]
c *= 0
print(c)
x = [[]] * 3
x[0].append(1)
print(x)
class I:
    def __index__(self): return 2
print([5] * I(), I() * [6])
try:
    [1] * 2.0
except TypeError as e:
    print(e)
big = ["ab"] * 300000
print(len(big), big[-1], big.count("ab"))
