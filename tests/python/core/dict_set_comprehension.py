# Dict and set comprehensions, including key collisions (last wins) and nested generator expressions.
d = {k % 3: k for k in range(10)}
print(d)
s = {x % 4 for x in range(20)}
print(sorted(s))
inv = {v: k for k, v in {"a": 1, "b": 2}.items()}
print(inv)
print(sum(x for x in range(10) if x % 3))
g = (x * y for x in range(3) for y in range(3))
print(list(g))
print({n: [c for c in str(n)] for n in (12, 305)})
