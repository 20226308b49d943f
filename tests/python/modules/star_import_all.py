# from package import * honours __all__; without __all__ names starting with _ are skipped.
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "pkgs"))
from shapes import *

print(VERSION, Shape.__name__, circle.__name__)
print("_private" in globals(), "base" in globals())
from lazy_attrs import *

print(known)
