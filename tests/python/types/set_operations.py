# set algebra with ints (deterministic order for small ints), methods and operator forms.
a, b = {1, 2, 3, 4}, {3, 4, 5}
print(a | b, a & b, a - b, a ^ b, a <= b, {3} < a, a >= {1}, a.isdisjoint({9}))
print(a.union([7], (8,)), a.intersection(range(3)), a.difference({1}, {2}), a.symmetric_difference([1, 9]))
s = set()
s.add(3)
s.update([1, 2], {9})
s.discard(100)
s.remove(9)
print(s, len(s), 2 in s)
try:
    s.remove(100)
except KeyError as e:
    print("KeyError", e)
s -= {1}
s |= {10}
s &= {2, 3, 10}
s ^= {3, 4}
print(sorted(s), s.pop() in {2, 4, 10}, set() == frozenset(), {1, 2} == {2, 1})
try:
    set().pop()
except KeyError as e:
    print(e)
print(sorted({"b", "a", "c"}), {(1, 2), (1, 2)}, set("aab") == {"a", "b"})
