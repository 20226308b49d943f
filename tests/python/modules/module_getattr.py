# Module-level __getattr__ and __dir__ (PEP 562).
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "pkgs"))
import lazy_attrs

print(lazy_attrs.known, lazy_attrs.dyn_hello, dir(lazy_attrs))
try:
    lazy_attrs.other
except AttributeError as e:
    print(e)
from lazy_attrs import dyn_value

print(dyn_value)
