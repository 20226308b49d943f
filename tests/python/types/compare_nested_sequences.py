# Comparing or repr() of containers nested 30000 deep raises RecursionError, not a crash;
# sorting by tuple keys compares tuples item by item, ties broken by later items.
x, y = [], []
for i in range(30000):
    x, y = [x], [y]
try:
    print(x == y)
except RecursionError as e:
    print("RecursionError", e)
pairs = [(3, "c"), (1, "b"), (3, "a"), (1, "a"), (2, [1, 2]), (2, [1, 1])]
print(sorted(pairs, key=lambda p: (p[0], str(p[1]))))
print((1, 2) < (1, 2, 0), [1, (2, 3)] < [1, (2, 4)], (1, [2]) == (1, [2]), (1, 2) > (1,))
try:
    (1, "a") < (1, 2)
except TypeError as e:
    print(e)
deep_list, deep_dict = [], {}
for i in range(30000):
    deep_list, deep_dict = [deep_list], {1: deep_dict}
for thing in (deep_list, deep_dict):
    try:
        repr(thing)
    except RecursionError as e:
        print(type(thing).__name__, "RecursionError:", e)
