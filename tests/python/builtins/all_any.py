# all and any short-circuit and work on any iterable; empty iterables give True and False.
def noisy(vals):
    for v in vals:
        print("yield", v)
        yield v


print(all([]), any([]), all([1, "a"]), any([0, ""]), all(x > 0 for x in [1, 2]))
print(all(noisy([1, 0, 2])))
print(any(noisy([0, 3, 0])))
print(any({0: "a", 1: "b"}), all("abc"), all([[]]))
try:
    all(5)
except TypeError as e:
    print(e)
