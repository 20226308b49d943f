# match statement grammar forms: subject tuples, negative and complex literals, group patterns, wildcards in classes.
def m(v):
    match v:
        case -1 | 1 + 2j:
            return "neg one or complex"
        case (1, 2):
            return "tuple pattern"
        case [(a, b), *_]:
            return f"group {a}{b}"
        case str() | bytes():
            return "text"
        case {"k": _, **__}:
            return "mapping"
        case _:
            return "default"


print(m(-1), m(1 + 2j), m((1, 2)), m([(3, 4), 5]), m("s"), m({"k": 0, "z": 1}), m(object()))
match 1, 2:
    case x, y:
        print("subject tuple", x, y)
