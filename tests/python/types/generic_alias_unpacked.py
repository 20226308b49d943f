# PEP 646 in types.GenericAlias: *tuple[...] in subscripts, TypeVarTuple substitution,
# typing's aliases inside builtin ones written by repr
from typing import TypeVar, TypeVarTuple, Generic, Unpack, Tuple, Callable

T = TypeVar("T")
T2 = TypeVar("T2")
Ts = TypeVarTuple("Ts")

print(tuple[*Ts], tuple[int, *Ts], tuple[*Ts, T])
star = next(iter(tuple[int, str]))
print(star, star.__unpacked__, star.__typing_unpacked_tuple_args__)
print(tuple[int].__unpacked__, tuple[int].__typing_unpacked_tuple_args__)
print(star == tuple[int, str], star == next(iter(tuple[int, str])))
print(list(tuple[int, str]), [*tuple[int, ...]])

cases = [
    ("tuple[*Ts]", "()"),
    ("tuple[*Ts]", "int,"),
    ("tuple[*Ts]", "int, str"),
    ("tuple[*Ts]", "*tuple[int, str],"),
    ("tuple[*Ts]", "*tuple[int, ...],"),
    ("tuple[T, *Ts]", "int, str, bytes"),
    ("tuple[T, *Ts]", "()"),
    ("tuple[*Ts, T]", "int,"),
    ("tuple[list[T], *Ts]", "int, str"),
    ("dict[T, T2]", "str, list[int]"),
    ("dict[T, list[T2]]", "str, int"),
    ("list[T]", "*tuple[int, str],"),
    ("tuple[*Ts]", "*tuple[int, ...], *tuple[str, ...]"),
    ("Tuple[*Ts]", "int, *Tuple[str, ...]"),
    ("tuple[Unpack[Ts]]", "int, str"),
]
for alias, items in cases:
    try:
        print(alias, "with", items, "->", eval(f"{alias}[{items}]"))
    except TypeError as e:
        print(alias, "with", items, "-> TypeError:", e)

print(list[Callable[[int], str]], dict[str, Tuple[int, ...]], list[type(None)], int | None)

class C(Generic[*Ts]):
    pass

print(C[int, str], C[()], C[*tuple[int, ...]])
