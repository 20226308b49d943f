# A zip archive first on sys.path before anything imported importlib: the import statement reads it through zipimport
import sys

sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/pkgs/zipped_modules.zip")
import zmod
import zpkg

print(zmod.X, zmod.f(), zpkg.Y, type(zmod.__loader__).__name__)
print(zmod.__file__.endswith("zipped_modules.zip/zmod.py"), zpkg.__name__)
print(any(getattr(h, "__name__", "") == "zipimporter" for h in sys.path_hooks))
