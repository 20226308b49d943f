# sys.exit with an integer sets the exit status without a traceback.
import sys

print("exiting with 3")
sys.exit(3)
