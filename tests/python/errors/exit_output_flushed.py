# Output printed before an uncaught exception appears, then the traceback; stdout is flushed.
import sys

print("line 1")
sys.stdout.write("partial ")
print("line 2", file=sys.stderr)
raise SystemExit(5)
