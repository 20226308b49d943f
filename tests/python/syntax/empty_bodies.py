# Minimal bodies: pass, docstring-only, ellipsis-only functions and classes.
def f():
    pass


def g():
    "only a docstring"


class C:
    ...


class D:
    """doc"""


print(f(), g(), g.__doc__, C.__doc__, D.__doc__)
