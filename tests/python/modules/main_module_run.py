# runpy.run_path executes a file as __main__ with its own namespace.
import os
import runpy

here = os.path.dirname(os.path.abspath(__file__))
ns = runpy.run_path(os.path.join(here, "pkgs", "mainguard.py"), run_name="__main__")
print(ns["who"](), sorted(k for k in ns if not k.startswith("__")))
ns2 = runpy.run_path(os.path.join(here, "pkgs", "mainguard.py"))
print(ns2["__name__"])
