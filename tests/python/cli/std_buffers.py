# sys.stdin.buffer / sys.stdout.buffer / sys.stderr.buffer: the standard streams as bytes.
# Bytes and text written in turn keep their order once each layer is flushed.
import sys

out = sys.stdout.buffer
print(out.name, out.mode, out.writable(), out.readable(), sys.stdin.buffer.mode)
sys.stdout.flush()
n = out.write(b"raw bytes \xc3\xa9\n")
out.write(bytearray(b"from a bytearray\n"))
out.write(memoryview(b"from a memoryview\n"))
out.flush()
print("text after bytes", n)
sys.stdout.flush()
try:
    out.write("not bytes")
except TypeError as e:
    print("TypeError:", e)
try:
    sys.stdout.write(b"not str")
except TypeError as e:
    print("TypeError:", e)
first = sys.stdin.buffer.readline()
second = sys.stdin.buffer.readline(4)
rest = sys.stdin.buffer.read(5)
lines = list(sys.stdin.buffer)
print(first, second, rest, lines)
sys.stderr.buffer.write(b"to stderr\n")
sys.stderr.buffer.flush()
