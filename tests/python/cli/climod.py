# Helper for cli/ specs: a module run with -m.
import sys

print("climod", __name__, sys.argv)
if len(sys.argv) > 1 and sys.argv[1] == "fail":
    raise SystemExit("climod failed")
