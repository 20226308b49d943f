# Relative imports with "." and ".." resolve against the importing module's package.
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "pkgs"))
from shapes.sub import deep

print(deep.LEVEL_INFO)
c, base_cls = deep.make()
print(c.area(), base_cls.__name__, isinstance(c, base_cls))
print(deep.__spec__.name, deep.__spec__.parent)
