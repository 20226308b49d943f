# Run as a script: the folder's __main__.py, with the folder first on sys.path.
import os
import sys

import helper_in_folder

print(os.path.basename(os.path.dirname(__file__)), os.path.basename(__file__), __name__)
print(os.path.basename(sys.path[0]), sys.argv, helper_in_folder.VALUE)
