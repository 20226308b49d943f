# Class patterns with positional (__match_args__) and keyword sub-patterns; builtin types match self.
class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y


def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(x, 0):
            return f"on x axis at {x}"
        case Point(x=0, y=y):
            return f"on y axis at {y}"
        case Point(x, y) if x == y:
            return "diagonal"
        case Point():
            return "somewhere"
        case str(s):
            return f"string {s}"


for p in (Point(0, 0), Point(3, 0), Point(0, 4), Point(2, 2), Point(1, 5), "txt", 7):
    print(where(p))
try:
    match Point(1, 2):
        case Point(1, 2, 3):
            pass
except TypeError as e:
    print("TypeError:", e)
