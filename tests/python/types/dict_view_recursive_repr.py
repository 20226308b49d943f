# A dict view stored in its own dict: its repr shows the recursion as ... instead of failing
# with RecursionError.
d = {}
d[42] = d.values()
try:
    print(repr(d))
except RecursionError as e:
    print("RecursionError", e)
d[42] = d.items()
print(repr(d))
k = {}
k[1] = k.keys()
print(k, list(k.values())[0])
