# Assignment expressions: in conditions, in comprehensions (binding in the enclosing scope), in while loops.
data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print("long", n)
print([y for x in data if (y := x * 2) > 6])
print(y)
total = 0
items = iter(data)
while (v := next(items, None)) is not None:
    total += v
print(total)


def f():
    [last := i for i in range(5)]
    return last


print(f())
print((z := 10) + z)
