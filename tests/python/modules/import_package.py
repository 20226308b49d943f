# Importing a package runs its __init__ once; submodules become attributes.
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "pkgs"))
import shapes
import shapes.circle
import shapes as again

print(again is shapes, shapes.VERSION, shapes.circle.Circle(1).area(), shapes.Shape.__module__)
print(shapes.__name__, shapes.__package__, os.path.basename(shapes.__file__), shapes.circle.__package__)
print(sorted(k for k in sys.modules if k.startswith("shapes")))
print(shapes.circle.Circle(3).describe())
