# Sequence patterns: fixed length, star captures, nested; strings are not sequences for match.
def m(x):
    match x:
        case []:
            return "empty"
        case [a]:
            return f"one {a}"
        case [a, b]:
            return f"two {a} {b}"
        case [first, *rest] if len(rest) > 3:
            return f"long from {first}, {len(rest)} more"
        case [1, [2, *inner], *_]:
            return f"nested {inner}"
        case [*_, last]:
            return f"ends with {last}"


for v in ([], [1], (1, 2), [1, 2, 3, 4, 5], [1, [2, 3, 4], 9], range(3), "ab"):
    print(repr(v), "->", m(v))
