# Variable annotations: annotated assignments, annotations without value, and __annotations__.
x: int = 5
y: "forward ref"
z: list[int] = []


class C:
    a: int
    b: str = "b"


def f(p: int, *args: str, q: float = 1.0, **kw: bool) -> None:
    pass


print(x, "y" in globals(), __annotations__)
print(C.__annotations__, hasattr(C, "a"), C.b)
print(f.__annotations__)
