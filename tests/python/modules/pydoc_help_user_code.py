# help() is pydoc's (the site builtin), and its pages for user code match CPython's: a function's signature and docstring, a class's methods, static methods, properties and the __dict__/__weakref__ descriptors; object.__getattribute__(x, '__doc__') finds each object's own docstring
def area(width, height=2, *, unit="cm"):
    """Return the area of a rectangle.

    Both sides in the same unit."""
    return width * height

class Shape:
    """A shape with a name."""
    sides = 0
    def __init__(self, name):
        """Make a shape called name."""
        self.name = name
    def describe(self):
        "Say what the shape is."
        return f"{self.name} with {self.sides} sides"
    @property
    def label(self):
        "The name in capitals."
        return self.name.upper()
    @staticmethod
    def unit():
        "The unit of lengths."
        return "cm"

class Square(Shape):
    sides = 4

help(area)
help(Square)
print(repr(help))
for obj in [area, Shape, Shape.describe, Shape().describe if False else Shape("s").describe,
            Shape.__dict__["label"], Shape.__dict__["unit"], Square("sq"), Shape.__dict__["__dict__"]]:
    print(type(obj).__name__, repr(object.__getattribute__(obj, "__doc__")))
