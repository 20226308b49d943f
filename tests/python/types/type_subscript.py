# type[int] is a types.GenericAlias; other classes stay unsubscriptable without
# __class_getitem__.
import types

alias = type[int]
print(alias, type(alias) is types.GenericAlias, alias.__origin__, alias.__args__)
print(type[int] == type[int], type[list[str]])
for cls in (int, object):
    try:
        cls[str]
    except TypeError as e:
        print("TypeError", e)
print(hasattr(int, "__class_getitem__"))


def f(x: type[int]) -> type[str]:
    return str


print(f.__annotations__)
