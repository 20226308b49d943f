# Helper for cli/ specs: prints what a script sees of its invocation.
import sys

print("name", __name__)
print("argv", sys.argv)
print("path0", sys.path[0] == __import__("os").path.dirname(__import__("os").path.abspath(__file__)))
