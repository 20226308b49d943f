# Dotted names are value patterns (compared with ==); bare names always capture. "as" binds sub-patterns.
class Color:
    RED = "red"
    GREEN = "green"


def m(x):
    match x:
        case Color.RED:
            return "is red"
        case [Color.GREEN as g, (1 | 2) as n]:
            return f"green list {g} {n}"
        case (str() | bytes()) as s:
            return f"text-like {s!r}"
        case _:
            return "nothing"


for v in ("red", ["green", 2], ["green", 3], b"raw", 1.5):
    print(repr(v), "->", m(v))
