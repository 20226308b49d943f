# An exception raised inside a lambda called through map.
print(list(map(lambda v: 10 // v, [5, 2, 0])))
