# What each operation on a closed file says, for buffered, raw and text files: buffered
# files name the operation, a side a file lacks is reported even when closed, and
# fileno() refuses once closed.
import io
import os
import shutil
import tempfile

d = tempfile.mkdtemp()
try:
    p = os.path.join(d, "f")
    open(p, "wb").close()
    calls = [
        ("read", ()), ("read1", ()), ("readline", ()), ("readlines", ()), ("write", None),
        ("seek", (0,)), ("tell", ()), ("flush", ()), ("truncate", ()),
        ("readinto", (bytearray(2),)), ("fileno", ()), ("isatty", ()), ("readable", ()),
        ("writable", ()), ("seekable", ()), ("__next__", ()), ("__enter__", ()), ("peek", ()),
    ]
    for mode, buffering in [("rb", -1), ("wb", -1), ("r+b", -1), ("rb", 0), ("r", -1), ("w", -1)]:
        f = open(p, mode, buffering=buffering)
        f.close()
        for name, args in calls:
            if not hasattr(f, name):
                continue
            if args is None:
                args = (b"x" if "b" in mode else "x",)
            try:
                getattr(f, name)(*args)
                print(mode, buffering, name, "ok")
            except Exception as e:
                print(mode, buffering, name, type(e).__name__, e)
finally:
    shutil.rmtree(d)

for f in [io.BytesIO(), io.StringIO()]:
    f.close()
    for name, args in [("read", ()), ("getvalue", ()), ("tell", ()), ("seek", (0,)),
                       ("readline", ()), ("readable", ())]:
        try:
            getattr(f, name)(*args)
            print(type(f).__name__, name, "ok")
        except Exception as e:
            print(type(f).__name__, name, type(e).__name__, e)
