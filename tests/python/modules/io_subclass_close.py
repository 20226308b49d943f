# Leaving a with block of an io object calls its close() method, so a subclass's own
# close() runs (gzip.GzipFile, zipfile and custom streams rely on it).
import io


class Logged(io.BytesIO):
    def close(self):
        print("Logged.close, closed before:", self.closed)
        super().close()


class Base(io.BufferedIOBase):
    def __init__(self):
        self.calls = []

    def close(self):
        self.calls.append("close")
        super().close()


with Logged(b"data") as f:
    print(f.read())
print("closed after:", f.closed)

b = Base()
with b:
    pass
print(b.calls, b.closed)

try:
    with Base() as c:
        raise ValueError("inside")
except ValueError as e:
    print("ValueError", e, c.calls, c.closed)
