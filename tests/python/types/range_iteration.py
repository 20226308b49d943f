# Iterating ranges forwards and backwards, with big bounds and steps.
print(list(range(0)), list(range(1, 2)), list(range(5, 0, -1)), list(range(-5, 5, 3)))
big = range(10 ** 18, 10 ** 18 + 3)
print(list(big), big[1], (10 ** 18 + 2) in big, big.index(10 ** 18 + 1))
r = range(0, 100, 7)
print(sum(r), max(r), min(r), sorted(r, reverse=True)[:3], list(reversed(r))[:2])
print(range(3) == range(3), range(0, 10, 2)[1:3], range(10)[::-3])
