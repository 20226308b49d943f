# A module body runs once; later imports return the cached module from sys.modules.
import os
import sys
import importlib

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "pkgs"))
import counter_mod
import counter_mod as c2
from counter_mod import bump

print(bump(), bump(), c2.count, counter_mod is sys.modules["counter_mod"])
reloaded = importlib.reload(counter_mod)
print(reloaded is counter_mod, counter_mod.count)
del sys.modules["counter_mod"]
import counter_mod as fresh

print(fresh is c2, fresh.count)
