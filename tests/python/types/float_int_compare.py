# Comparisons between ints and floats are exact, even for large ints that do not convert exactly.
big = 2 ** 53 + 1
print(big == float(big), big > float(big), float(big) < big, 2 ** 53 == 2.0 ** 53)
print(10 ** 400 > float("inf"), 10 ** 400 < float("inf"), -(10 ** 400) > float("-inf"))
print(float("nan") < 1, float("nan") > 1, 1 == 1.0, 0.1 + 0.2 == 0.3)
print(sorted([3, 2.5, True, 0.0, -1, 2 ** 60, 1e18]))
print(max(1, 1.0), max(1.0, 1), min(0, -0.0), min(-0.0, 0))
