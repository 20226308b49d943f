# Lists compare element by element, recursively; identical elements short-circuit equality.
nan = float("nan")
a = [nan]
print(a == a, [nan] == [nan], [1, [2, [3]]] == [1, [2, [3]]], [1, [2]] < [1, [3]], [[]] > [])
print([1, 2] == (1, 2), list((1, 2)) == [1, 2], [0] * 3 == [0, 0, 0], [1] != [1.0])
try:
    [1, "a"] < [1, 2]
except TypeError as e:
    print(e)
l = [1]
l.append(l)
print(l, repr(l))
