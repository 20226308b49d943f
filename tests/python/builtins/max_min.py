# max and min with iterables, several arguments, key, default, and ties (first one wins).
print(max(3, 1, 4), min([3, 1, 4]), max("hello"), min("b", "a", "c"), max([], default="empty"))
pairs = [("a", 2), ("b", 3), ("c", 3), ("d", 1), ("e", 1)]
print(max(pairs, key=lambda p: p[1]), min(pairs, key=lambda p: p[1]))
print(max([1, 2], [1, 3]), min((1, "z"), (1, "a")), max(1, 2.5, True))
for call in (lambda: max([]), lambda: min(), lambda: max(1, 2, default=0), lambda: max(1, "a")):
    try:
        call()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
