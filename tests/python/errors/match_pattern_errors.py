# Errors a match statement raises at run time, with CPython's wording: an attribute named
# twice in a class pattern, __match_args__ that holds a non-string, a mapping key that
# repeats one computed at run time
class Twice:
    __match_args__ = ("a", "a")
    a = None


class One:
    __match_args__ = ("a",)
    a = None


class NotStrings:
    __match_args__ = (None,)


class Keys:
    KEY = "a"
    ONE = 1.0


def attempt(label, f):
    try:
        print(label, f())
    except (TypeError, ValueError) as e:
        print(label, type(e).__name__, e)


def twice():
    match Twice():
        case Twice(y, z):
            return "matched"


def positional_and_keyword():
    match One():
        case One(y, a=z):
            return "matched"


def not_strings():
    match NotStrings():
        case NotStrings(y):
            return "matched"


def duplicate_key():
    match {"a": 0, "b": 1}:
        case {Keys.KEY: y, "a": z}:
            return "matched"


def equal_keys():
    match {1: "x"}:
        case {1: y, Keys.ONE: z}:
            return "matched"


for label, f in [("twice", twice), ("positional and keyword", positional_and_keyword),
                 ("not strings", not_strings), ("duplicate key", duplicate_key),
                 ("equal keys", equal_keys)]:
    attempt(label, f)

try:
    compile("match x:\n    case {**_}:\n        pass\n", "<pattern>", "exec")
except SyntaxError as e:
    print("SyntaxError", e.msg, e.lineno, e.offset)
