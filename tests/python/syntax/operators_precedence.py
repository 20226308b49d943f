# Operator precedence: power binds tighter than unary minus on its left, comparisons chain, not is low.
print(-2 ** 2, (-2) ** 2, 2 ** -1, 2 ** 3 ** 2, not 1 == 2, 1 + 2 * 3 ** 2, (1 + 2) * 3)
print(1 | 2 ^ 3 & 4, 1 << 2 + 1, -3 // 2, -(3 // 2), ~1 + 1, 2 * 3 % 4, 10 - 4 - 3)
print(True or False and False, not True or True, 1 if 0 else 2 if 0 else 3)
print((lambda: 0 if True else 1)(), [1, 2] == [1, 2] != False)
