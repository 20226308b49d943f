# sys.exit() and raise SystemExit(None) exit with status 0 and print nothing.
import sys

try:
    sys.exit()
finally:
    print("finally runs during SystemExit")
