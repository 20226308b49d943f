# print() with sep, end, file and flush; objects are converted with str().
import io
import sys

print("a", "b", 1, None)
print("a", "b", sep="-", end="!\n")
print(sep="x")
print("no newline", end="")
print()
buf = io.StringIO()
print("to buffer", 42, file=buf, sep=":")
print(repr(buf.getvalue()))
print("to stderr", file=sys.stderr)
print(*range(5), sep="")
print("x", sep=None, end=None)
try:
    print("x", sep=5)
except TypeError as e:
    print(e)
print("flushed", flush=True)
