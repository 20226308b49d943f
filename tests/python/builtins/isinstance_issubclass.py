# isinstance and issubclass with tuples, nested tuples, union types and abstract classes.
print(isinstance(1, int), isinstance(True, int), isinstance(1, (str, (float, int))), isinstance(1, int | str))
print(issubclass(bool, int), issubclass(int, (str, object)), issubclass(list, list), issubclass(int, int | None))
print(isinstance(None, type(None)), isinstance(int, type), isinstance(type, object), isinstance(object, type))
try:
    issubclass(1, int)
except TypeError as e:
    print(e)
try:
    isinstance(1, list[int])
except TypeError as e:
    print(e)
