# bin, oct and hex of ints (including negatives and big values) and of objects with __index__.
for n in (0, 1, -1, 255, -256, 2 ** 64, -(2 ** 65) + 1):
    print(n, bin(n), oct(n), hex(n))


class Seven:
    def __index__(self):
        return 7


print(bin(Seven()), oct(Seven()), hex(Seven()))
try:
    hex(1.5)
except TypeError as e:
    print(e)
