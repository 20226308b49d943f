# __class_getitem__ makes Class[...] work; builtins return types.GenericAlias.
class Box:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item.__name__ if isinstance(item, type) else item}]"


print(Box[int], Box["x"])
print(list[int], dict[str, list[int]], type(list[int]).__name__)
print(list[int]([1, 2]), list[int].__origin__, list[int].__args__)
try:
    object[int]
except TypeError as e:
    print(e)
