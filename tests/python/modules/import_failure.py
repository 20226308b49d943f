# A module that raises during import is removed from sys.modules and the error propagates.
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "pkgs"))
for attempt in range(2):
    try:
        import broken_mod
    except RuntimeError as e:
        print(attempt, "RuntimeError:", e, "broken_mod" in sys.modules)
try:
    import not_a_real_module_xyz
except ModuleNotFoundError as e:
    print(e, e.name)
try:
    from shapes import nothing_here
except ImportError as e:
    print(type(e).__name__, e.name)
