# Bitwise operators on positive and negative ints use two's-complement semantics of infinite width.
vals = [0, 1, -1, 5, -6, 2 ** 70, -(2 ** 70) + 3]
for a in vals[:5]:
    print(a, ~a, a & 3, a | 8, a ^ -1, a << 3, a >> 1)
print(2 ** 70 & -(2 ** 70) + 3, 2 ** 70 | 12345, (2 ** 70) ^ (2 ** 69), -(2 ** 70) >> 65)
print((255).bit_count(), (-255).bit_count(), (0).bit_length(), (-129).bit_length())
try:
    1 << -1
except ValueError as e:
    print(e)
print(-1 >> 100, 1 >> 100)
