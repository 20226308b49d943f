# Nested targets in assignment and for loops, and assignment to subscripts and attributes in targets.
(a, b), c = (1, 2), 3
print(a, b, c)
for i, (k, v) in enumerate({"x": 1, "y": 2}.items()):
    print(i, k, v)
lst = [0, 0, 0]


class O:
    pass


o = O()
lst[0], o.attr, lst[2] = "p", "q", "r"
print(lst, o.attr)
x = y = z = []
x.append(1)
print(y, z is x)
a, b = b, a
print(a, b)
i = 0
lst = [10, 20]
i, lst[i] = 1, 99
print(i, lst)
