# python -m: a package's __init__ that raises is reported with its traceback (even an
# ImportError it raises itself); a missing parent package is one line; a __main__ that
# is itself a package cannot run; a name ending in .py gets a hint.
import os
import subprocess
import sys

here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pkgs")
env = dict(os.environ, PYTHONPATH=here)
for target in ("init_raises", "init_raises.sub", "init_raises_import", "main_is_package",
               "no_such_pkg.sub", "shapes.py", "counter_mod.py"):
    p = subprocess.run([sys.executable, "-m", target], env=env, capture_output=True, text=True)
    lines = p.stderr.splitlines()
    last = lines[-1].replace(sys.executable, "<interp>") if lines else ""
    print(target, p.returncode, "Traceback" in p.stderr, last)
