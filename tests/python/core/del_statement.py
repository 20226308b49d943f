# del removes names, items, slices and attributes; deleting a missing name raises NameError.
x = 1
del x
try:
    x
except NameError as e:
    print(e)
lst = list(range(10))
del lst[0], lst[-1]
del lst[::2]
print(lst)
d = {"a": 1, "b": 2}
del d["a"]
print(d)


class O:
    pass


o = O()
o.a = 1
del o.a
print(hasattr(o, "a"))
try:
    del o.a
except AttributeError as e:
    print(e)
try:
    del d["zz"]
except KeyError as e:
    print("KeyError", e)
