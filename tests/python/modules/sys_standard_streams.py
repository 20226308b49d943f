# sys.stdin, sys.stdout and sys.stderr are io.TextIOWrapper objects over binary buffers,
# as in CPython: isinstance checks, their attributes, reconfigure(), and the idioms that
# rewrap them.
import io
import sys

out = sys.stdout
print(type(out).__name__, isinstance(out, io.TextIOWrapper), isinstance(out, io.TextIOBase))
print(isinstance(sys.stdin.buffer, io.BufferedReader))
print(repr(out), repr(sys.stderr))
print(out.name, out.mode, out.encoding, out.errors, sys.stderr.errors)
print(out.buffer.name, out.buffer.mode, sys.stdin.buffer.mode)
print(out.fileno(), sys.stderr.fileno(), sys.stdin.fileno())
print(out.readable(), out.writable(), sys.stdin.readable(), sys.stdin.writable())
print(out is sys.__stdout__, sys.stdin is sys.__stdin__)
for call in (out.read, lambda: sys.stdin.write("x")):
    try:
        call()
    except io.UnsupportedOperation as error:
        print("UnsupportedOperation:", error)

# Text and bytes keep their order once the text layer is flushed (CPython's text layer
# holds text back until then; pypy-stm's holds nothing back, output waits for the commit).
n = out.write("written ")
out.flush()
print(n, out.buffer.write(b"bytes in order\n"))

out.reconfigure(line_buffering=True)
print("line_buffering", out.line_buffering)
out.reconfigure(line_buffering=False)
try:
    out.reconfigure(encoding="no-such-codec")
except LookupError as error:
    print("LookupError:", error)
for bad in ({"errors": 3}, {"newline": 3}, {"line_buffering": "yes"}):
    try:
        out.reconfigure(**bad)
    except TypeError as error:
        print("TypeError:", error)
try:
    out.reconfigure("utf-8")
except TypeError as error:
    print("TypeError:", error)

# Lone surrogates: an error under 'strict'; stderr uses backslashreplace.
out.reconfigure(errors="strict")
try:
    print("\udcff")
except UnicodeEncodeError as error:
    print("UnicodeEncodeError:", error.reason)
out.reconfigure(errors="replace")
print("replaced: \udcff")
out.reconfigure(errors="strict")

# Rewrapping the binary layer, as programs do to change the encoding.
latin = io.TextIOWrapper(out.buffer, encoding="latin-1")
latin.write("caf\xe9\n")
latin.flush()
print("after latin-1")
sys.stderr.write("stderr: \udcff\n")
