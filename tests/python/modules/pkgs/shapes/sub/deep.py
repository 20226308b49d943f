# Helper module: relative imports from the parent package with "..".
from .. import base
from ..circle import Circle
from . import __name__ as package_name

LEVEL_INFO = (__name__, __package__, package_name)


def make():
    return Circle(2), base.Shape
