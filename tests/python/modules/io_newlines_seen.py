# The newlines attribute: the line endings a text stream met, for StringIO (written) and text files (read)
import io, os, tempfile
t = io.StringIO("x\ny", newline=None)
print(repr(t.newlines))
t.write("a\rb")
print(repr(t.newlines))
u = io.StringIO("p\r\nq", newline="")
print(repr(u.newlines))
print(repr(io.StringIO("a\r\n").newlines))
d = tempfile.mkdtemp(); p = os.path.join(d, "f.txt")
with open(p, "wb") as f: f.write(b"one\r\ntwo\rthree\nfour")
with open(p) as f:
    print(repr(f.newlines)); f.readline(); print(repr(f.newlines)); f.read(); print(repr(f.newlines))
with open(p, newline="") as f:
    f.read(); print(repr(f.newlines))
with open(p, newline="\n") as f:
    f.read(); print(repr(f.newlines))
with open(p, "w") as f:
    f.write("x\n"); print(repr(f.newlines))
print(repr(io.StringIO("a\r\n").newlines), repr(io.StringIO("x\ny", newline="").newlines))
import shutil; shutil.rmtree(d)
