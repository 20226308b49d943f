# The __main__ module of zip_app.pyz (built by: python3 -m zipapp zip_app_src -o zip_app.pyz -p "/usr/bin/env python3")
import os
import sys

from tools import greet

print(__name__, os.path.basename(__file__), __spec__.name, type(__loader__).__name__)
print(sys.argv, sys.path[0] == os.path.abspath(sys.argv[0]))
print(greet("zip"))
