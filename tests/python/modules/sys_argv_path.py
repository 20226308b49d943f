# sys.argv[0] is the script as given; sys.path[0] is the script's directory.
import os
import sys

print(sys.argv, len(sys.argv))
print(os.path.basename(sys.path[0]), os.path.isabs(sys.path[0]))
print(all(isinstance(p, str) for p in sys.path), os.path.basename(__file__))
