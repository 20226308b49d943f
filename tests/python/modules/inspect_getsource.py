# inspect.getsource and getsourcelines of functions, methods and classes in this script.
import inspect


def greet(name, greeting="hello"):
    """Say hello."""
    return greeting + ", " + name


class Box:
    def area(self, scale=1):
        return scale


print(inspect.getsource(greet), end="")
print(inspect.getsource(Box.area), end="")
lines, start = inspect.getsourcelines(Box)
print(start, len(lines), lines[0], end="")
f = open(__file__)
f.mode = "r"
print(f.mode)
f.close()
