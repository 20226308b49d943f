# match with literal, capture, wildcard, or-patterns and guards.
def describe(x):
    match x:
        case 0 | 1:
            return "zero or one"
        case True:
            return "never: True == 1"
        case "hello":
            return "greeting"
        case None:
            return "none"
        case int(n) if n < 0:
            return f"negative {n}"
        case float() | complex():
            return "real or complex"
        case other:
            return f"other {other!r}"


for v in (0, 1, True, "hello", None, -5, 2.5, 3j, [1]):
    print(repr(v), "->", describe(v))
