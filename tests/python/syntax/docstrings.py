# Docstrings of modules, functions and classes; only the first statement string is a docstring.
"""Module docstring."""


def f():
    """Function docstring."""
    "not a docstring"


class C:
    """Class docstring."""

    def m(self):
        f"""an f-string is not a docstring"""


print(__doc__, f.__doc__, C.__doc__, C.m.__doc__)
