# StringIO's newline=: translation on write, line endings for reading, the checks on the argument
import io
for nl in ("\n", None, "", "\r", "\r\n"):
    s = io.StringIO("a\r\nb\rc\nd", newline=nl)
    print(repr(nl), repr(s.getvalue()), repr(s.read()), s.readlines() if not s.seek(0) else None)
    s.write("x\ny\r\n"); print(repr(s.getvalue()))
try:
    io.StringIO(newline="x")
except ValueError as e:
    print("ValueError", e)
