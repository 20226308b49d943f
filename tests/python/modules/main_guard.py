# __name__ is "__main__" in the script and the module name in imported modules.
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "pkgs"))
print(__name__)
import mainguard

print(mainguard.who(), mainguard.__name__)
if __name__ == "__main__":
    print("script body under main guard")
print(sys.modules["__main__"].__name__, "main_guard" in sys.modules)
