# The idioms for UTF-8 output on the standard streams: reconfigure() and a TextIOWrapper
# over sys.stdout.buffer.
import io
import sys

print(sys.stdout.reconfigure(encoding="utf-8", line_buffering=True))
sys.stdout.reconfigure(errors="replace")
print(sys.stdout.errors, "é")
try:
    sys.stdout.reconfigure(bogus=1)
except TypeError as e:
    print("TypeError:", e)
try:
    sys.stdout.reconfigure("utf-8")
except TypeError as e:
    print("TypeError:", e)
sys.stdout.flush()
w = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", line_buffering=True)
w.write("through a wrapper: ünïcode\n")
w.flush()
print("after the wrapper")
