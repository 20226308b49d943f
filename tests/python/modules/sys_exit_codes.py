# SystemExit raised by sys.exit can be caught; its code attribute holds the argument.
import sys

for arg in (None, 0, 3, "message", [1]):
    try:
        sys.exit(arg) if arg is not None else sys.exit()
    except SystemExit as e:
        print(repr(e.code), e.args)
print(issubclass(SystemExit, Exception), issubclass(SystemExit, BaseException))
sys.exit(0)
print("not reached")
