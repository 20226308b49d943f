# io.FileIO and open() over a descriptor and through an opener: closefd=False leaves the
# descriptor open (where the file's reading or writing got to), closefd=False with a file
# name is refused, opener(path, flags) gives the descriptor, and FileIO's name, mode,
# closefd and repr.
import io
import os
import pathlib
import tempfile

folder = tempfile.mkdtemp()
path = os.path.join(folder, "data.bin")
with open(path, "wb") as f:
    f.write(b"hello world")


def attempt(label, make):
    try:
        result = make()
    except Exception as e:
        print(label, type(e).__name__, e)
    else:
        print(label, "ok", repr(result))
        if hasattr(result, "close"):
            result.close()


# A descriptor kept open by closefd=False, then used by its owner.
fd = os.open(path, os.O_RDONLY)
f = io.FileIO(fd, closefd=False)
print(f.name == fd, f.mode, f.closefd, repr(f).replace(str(fd), "FD"))
print(f.read(5))
f.close()
print(f.closed, repr(f))
print(os.read(fd, 6))
os.close(fd)

# closefd=True (the default) closes it.
fd = os.open(path, os.O_RDONLY)
f = io.FileIO(fd)
print(f.closefd, f.readall())
f.close()
try:
    os.read(fd, 1)
except OSError as e:
    print("after close:", type(e).__name__, e.errno)

# Writing through a descriptor kept open: the owner goes on where the file stopped.
out = os.path.join(folder, "out.bin")
fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
with io.FileIO(fd, "w", closefd=False) as f:
    print(f.mode, f.write(b"abc"))
os.write(fd, b"def")
os.close(fd)
with open(out, "rb") as f:
    print(f.read())

# open() takes closefd too, for every kind of file.
fd = os.open(path, os.O_RDONLY)
with open(fd, "rb", closefd=False) as f:
    print(type(f).__name__, f.read(5))
with open(fd, "r", closefd=False) as f:
    print(type(f).__name__, f.mode)
os.close(fd)
fd = os.open(out, os.O_WRONLY | os.O_APPEND)
with open(fd, "w", closefd=False) as f:
    f.write("ghi")
os.write(fd, b"jkl")
os.close(fd)
with open(out, "rb") as f:
    print(f.read())

# closefd=False needs a descriptor.
attempt("FileIO name closefd=False", lambda: io.FileIO(path, closefd=False))
attempt("open name closefd=False", lambda: open(path, closefd=False))
attempt("FileIO closefd=None", lambda: io.FileIO(path, closefd=None))
attempt("open closefd='x'", lambda: open(path, closefd="x"))
attempt("FileIO -1", lambda: io.FileIO(-1))
attempt("open -3", lambda: open(-3))
attempt("FileIO 1.5", lambda: io.FileIO(1.5))

# An opener gives the descriptor, from the name as given and the flags open() would use.
calls = []


def opener(name, flags):
    calls.append((type(name).__name__, os.path.basename(name), flags & os.O_ACCMODE,
                  bool(flags & os.O_CREAT), bool(flags & os.O_TRUNC),
                  bool(flags & os.O_APPEND), bool(flags & os.O_CLOEXEC)))
    return os.open(name, flags)


with io.FileIO(path, opener=opener) as f:
    print(f.read(), os.path.basename(f.name), calls[-1])
with open(pathlib.Path(path), "rb", opener=opener) as f:
    print(type(f).__name__, f.read(5), calls[-1])
with io.FileIO(pathlib.Path(path), opener=opener) as f:
    print(type(f.name).__name__, calls[-1])
with open(path, opener=opener) as f:
    print(f.read(), calls[-1])
made = os.path.join(folder, "made.txt")
with open(made, "w", opener=opener) as f:
    f.write("written")
print(calls[-1])
with open(made, "a", opener=opener) as f:
    f.write(" more")
print(calls[-1])
with open(made, opener=opener) as f:
    print(f.read())
with io.FileIO(made, "r+", opener=opener) as f:
    print(f.mode, calls[-1])

attempt("opener -1", lambda: io.FileIO(path, opener=lambda n, fl: -1))
attempt("opener -7", lambda: open(path, "rb", opener=lambda n, fl: -7))
attempt("opener str", lambda: io.FileIO(path, opener=lambda n, fl: "3"))
attempt("opener raises", lambda: open(path, opener=lambda n, fl: 1 / 0))
attempt("opener not callable", lambda: io.FileIO(path, opener=5))
attempt("opener None", lambda: io.FileIO(path, opener=None).read())

# FileIO's mode reads as CPython spells it, and open()'s binary files show their raw mode.
work = os.path.join(folder, "m.bin")
for mode in ["r", "w", "a", "x", "r+", "w+", "a+", "x+", "rb", "wb+", "ab", "rb+", "+r", "br"]:
    if os.path.exists(work):
        os.remove(work)
    if "r" in mode or "a" in mode:
        open(work, "w").close()
    f = io.FileIO(work, mode)
    print(repr(mode), f.mode, f.closefd, os.path.basename(f.name),
          repr(f).replace(folder, "DIR"))
    f.close()
    print(repr(f))
    plain = mode.replace("b", "")
    for buffering in (0, -1):
        os.remove(work)
        if "r" in mode or "a" in mode:
            open(work, "w").close()
        with open(work, plain + "b", buffering=buffering) as g:
            print("  open", plain + "b", buffering, type(g).__name__, g.mode)
    os.remove(work)
    if "r" in mode or "a" in mode:
        open(work, "w").close()
    with open(work, plain) as g:
        print("  open", plain, type(g).__name__, g.mode)
for mode in ["rt", "ab+c", "rw", "", "bb", "U", "r++"]:
    attempt(repr(mode), lambda: io.FileIO(path, mode))


class Logged(io.FileIO):
    pass


with Logged(path, "rb") as f:
    print(type(f).__name__, repr(f).replace(folder, "DIR"), f.closefd)
