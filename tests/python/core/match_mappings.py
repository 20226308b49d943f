# Mapping patterns match subsets of keys; **rest captures the remainder.
def m(d):
    match d:
        case {"type": "point", "x": x, "y": y}:
            return f"point {x},{y}"
        case {"type": "circle", **rest}:
            return f"circle with {sorted(rest)}"
        case {"type": t}:
            return f"unknown type {t}"
        case {}:
            return "some mapping"


print(m({"type": "point", "x": 1, "y": 2, "z": 3}))
print(m({"type": "circle", "r": 5, "c": 0}))
print(m({"type": "square"}))
print(m({"other": 1}))
print(m([1]))
