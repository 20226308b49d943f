# IOBase.close() calls the stream's flush() first (a subclass's own flush runs, once),
# and a buffered writer's flush does not flush its raw stream; a flush that fails still
# leaves the stream closed, and its error comes out of close()
import io


class Raw(io.RawIOBase):
    def flush(self):
        print("raw flush")
        super().flush()

    def close(self):
        print("raw close")
        super().close()

    def writable(self):
        return True

    def write(self, b):
        return len(b)


r = Raw()
r.close()
r.close()
print(r.closed)

buffered = io.BufferedWriter(Raw(), 8)
buffered.flush()
print("closing buffered")
buffered.close()
print(buffered.closed)


class Failing(io.TextIOBase):
    def flush(self):
        raise OSError("flush failed")


f = Failing()
try:
    f.close()
except OSError as e:
    print("OSError", e)
print(f.closed)

s = io.StringIO()


class NoisyStringIO(io.StringIO):
    def flush(self):
        print("never called by StringIO.close")


NoisyStringIO().close()
print("done")
