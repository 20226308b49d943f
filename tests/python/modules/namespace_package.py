# A folder without __init__.py is imported as a namespace package.
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "pkgs"))
import nsp.part
import nsp

print(nsp.part.WHO, getattr(nsp, "__file__", None), type(nsp.__path__).__name__)
print([os.path.basename(p) for p in nsp.__path__])
