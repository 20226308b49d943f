# Helper package for the modules/ tests: a package whose __init__ imports a submodule relatively.
from .base import Shape
from . import circle

__all__ = ["Shape", "circle", "VERSION"]
VERSION = "1.0"
_private = "hidden from star import"
print("shapes package initialized")
