# while loops with complex conditions, nested break/continue and counters.
n, steps = 27, 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("collatz steps", steps)
i = 0
found = []
while True:
    i += 1
    if i % 3:
        continue
    found.append(i)
    if len(found) == 4:
        break
print(found)
outer = 0
while outer < 3:
    inner = 0
    while inner < 3:
        if inner == outer:
            break
        inner += 1
    print(outer, inner)
    outer += 1
