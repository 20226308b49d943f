# Arithmetic results are compared by value: equal values are equal regardless of how they were built.
vals = [10 ** 20 // 10 ** 19, 10, int("10"), 5 + 5, 20 // 2, 10.0]
print([v == 10 for v in vals], len(set(vals)), hash(vals[0]) == hash(vals[-1]))
print(2 ** 62 * 4 == 2 ** 64, (2 ** 64) // (2 ** 62), 1 - 1 == 0, -0 == 0)
