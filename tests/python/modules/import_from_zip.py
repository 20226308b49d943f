# Modules and packages imported from a zip archive on sys.path (zipimport), and importlib's finders seeing it
import importlib.util
import os
import shutil
import sys
import tempfile
import zipfile

folder = tempfile.mkdtemp()
archive = os.path.join(folder, "lib.zip")
with zipfile.ZipFile(archive, "w") as z:
    z.writestr("zmod.py", "X = 42\ndef f():\n    return X + 1\n")
    z.writestr("zpkg/__init__.py", "from .inner import Y\nfrom . import sub\n")
    z.writestr("zpkg/inner.py", "Y = 'inner'\n")
    z.writestr("zpkg/sub/__init__.py", "Z = __name__\n")
sys.path.insert(0, archive)
import zmod
import zpkg
from zpkg.sub import Z

print(zmod.X, zmod.f(), zpkg.Y, Z)
print(type(zmod.__loader__).__name__, os.path.relpath(zmod.__file__, folder))
print([os.path.relpath(p, folder) for p in zpkg.__path__])
print(importlib.util.find_spec("zmod").origin == zmod.__file__)
try:
    import not_in_the_archive
except ModuleNotFoundError as e:
    print("ModuleNotFoundError", e)
sys.path.remove(archive)
shutil.rmtree(folder)
