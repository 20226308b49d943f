# inspect: signatures of Python functions and classes, binding arguments, and what
# inspect reports about functions, frames and members.
import inspect


def greet(name, greeting="hello", *args, sep=", ", **kwargs) -> str:
    """Say hello."""
    return greeting + sep + name


def typed(a: int, b: "list[str]" = None, /, c=3, *, d: float):
    pass


class Box:
    def __init__(self, width, height=1):
        self.width = width

    def area(self, scale=1):
        return self.width * scale


sig = inspect.signature(greet)
print(sig)
print(list(sig.parameters), sig.return_annotation is str)
for p in sig.parameters.values():
    print(p.name, p.kind.name, p.default is inspect.Parameter.empty or p.default)
print(inspect.signature(typed))
print(inspect.signature(Box), inspect.signature(Box(2).area), inspect.signature(Box.area))
print(inspect.signature(lambda x, y=2: x))
bound = sig.bind("ann", "hi", 1, 2, sep="-", extra=True)
print(bound.arguments)
bound.apply_defaults()
print(bound.args, bound.kwargs)
try:
    sig.bind()
except TypeError as e:
    print("TypeError", e)
try:
    inspect.signature(typed).bind(1, 2, 3, 4)
except TypeError as e:
    print("TypeError", e)
new = sig.replace(parameters=[inspect.Parameter("who", inspect.Parameter.POSITIONAL_OR_KEYWORD)])
print(new, new == sig)

print(inspect.getdoc(greet), inspect.getdoc(Box.area))
print(inspect.isfunction(greet), inspect.ismethod(Box(1).area), inspect.isclass(Box))
print(inspect.getfullargspec(greet))
print([name for name, _ in inspect.getmembers(Box, inspect.isfunction)])
print(inspect.getmodule(greet).__name__, inspect.currentframe().f_code.co_name)
