# map stops at the shortest iterable; zip strict reports which argument is shorter or longer.
print(list(map(lambda a, b: a + b, [1, 2, 3], [10, 20])))
for args in (([1, 2], [1, 2, 3]), ([1, 2, 3], [1, 2]), ([1], [1], [])):
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as e:
        print(e)
print(list(zip("ab", "xy", strict=True)))
