# input(): the prompt goes to sys.stdout, whose flush() may fail or be missing; a lost
# sys.stdin, sys.stdout or sys.stderr is a RuntimeError.
import io
import sys


class NoFlush:
    def __init__(self):
        self.text = []

    def write(self, s):
        self.text.append(s)


class BadFlush(NoFlush):
    def flush(self):
        raise OSError("cannot flush")


saved_in, saved_out, saved_err = sys.stdin, sys.stdout, sys.stderr
results = []
try:
    for out in (NoFlush(), BadFlush()):
        sys.stdin = io.StringIO("first line\nsecond\n")
        sys.stdout = out
        results.append((input("prompt> "), input(), out.text))
    sys.stdout = saved_out
    sys.stdin = io.StringIO("")
    try:
        input()
    except EOFError as e:
        results.append(("EOFError", str(e)))
    for name in ("stdin", "stdout", "stderr"):
        sys.stdin = io.StringIO("x\n")
        setattr(sys, name, None)
        try:
            input("p")
        except RuntimeError as e:
            results.append(("RuntimeError", str(e)))
        sys.stdin, sys.stdout, sys.stderr = saved_in, saved_out, saved_err
    sys.stdin = io.StringIO("x\n")
    del sys.stdout
    try:
        input()
    except RuntimeError as e:
        results.append(("RuntimeError", str(e)))
finally:
    sys.stdin, sys.stdout, sys.stderr = saved_in, saved_out, saved_err
for r in results:
    print(r)
