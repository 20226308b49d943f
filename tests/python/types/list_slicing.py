# List slice assignment and deletion, including extended slices with mismatched sizes.
l = list(range(10))
l[2:5] = ["a"]
print(l)
l[:0] = [-1, -2]
print(l)
l[::3] = ["X"] * len(l[::3])
print(l)
try:
    l[::2] = [1, 2]
except ValueError as e:
    print(e)
del l[1::2]
print(l)
l[len(l):] = "end"
print(l, l[-2::-2], l[100:200], l[5:1])
m = [1, 2, 3]
m[1:2] = m
print(m)
