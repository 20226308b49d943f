# The bytecode cache: an import writes __pycache__/<module>.<cache_tag>.pyc and the next
# process loads it instead of the source (seen by changing the source while keeping its
# mtime and size, which a cache check cannot notice); a new mtime, a corrupt cache, -B,
# PYTHONDONTWRITEBYTECODE, sys.dont_write_bytecode and sys.pycache_prefix behave as in
# CPython.
import importlib.util
import os
import py_compile
import subprocess
import sys
import tempfile
import warnings

folder = tempfile.mkdtemp()
source = os.path.join(folder, "cached_mod.py")
cache = importlib.util.cache_from_source(source)
print(os.path.relpath(cache, folder) == os.path.join(
    "__pycache__", "cached_mod." + sys.implementation.cache_tag + ".pyc"))

env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
PROGRAM = ("import cached_mod, sys; print(cached_mod.VALUE, "
           "cached_mod.__cached__ == cached_mod.__spec__.cached, sys.dont_write_bytecode)")


def run(*options, program=PROGRAM, extra_env=None):
    proc = subprocess.run([sys.executable, *options, "-c", program], cwd=folder,
                          env=dict(env, **(extra_env or {})), capture_output=True, text=True)
    warned = "SyntaxWarning" in proc.stderr
    lines = [line for line in proc.stderr.splitlines() if "Error" in line]
    return proc.stdout.strip() + (" (SyntaxWarning)" if warned else "") + "".join(lines)


def write_source(value, mtime):
    with open(source, "w") as f:
        f.write("VALUE = %r\nWARN = 1 is 1\n" % value)
    os.utime(source, (mtime, mtime))


def exists():
    return os.path.exists(cache)


write_source("one", 1_600_000_000)
print("-B:", run("-B"), exists())
print("env:", run(extra_env={"PYTHONDONTWRITEBYTECODE": "1"}), exists())
print("sys.dont_write_bytecode:",
      run(program="import sys; sys.dont_write_bytecode = True; " + PROGRAM), exists())
print("first:", run(), exists())
with open(cache, "rb") as f:
    header = f.read(16)
print("header:", header[:4] == importlib.util.MAGIC_NUMBER,
      int.from_bytes(header[8:12], "little"), int.from_bytes(header[12:16], "little"),
      os.path.getsize(source))

# Same size and mtime: only the cache can give the old value (and no warning).
write_source("two", 1_600_000_000)
print("cached:", run())
# A new mtime: compiled again.
write_source("two", 1_600_000_100)
print("new mtime:", run())
print("cached again:", run())

# A damaged cache is ignored and rewritten. (Damage after the header is refused too, by
# marshal: tests/interp/compile/code_serial_test.cc.)
with open(cache, "r+b") as f:
    f.write(b"\xff" * 8)
write_source("six", 1_600_000_100)
print("corrupt:", run())
write_source("ten", 1_600_000_100)
print("rewritten:", run())
with open(cache, "wb") as f:
    f.write(header[:10])
print("truncated:", run())

# sys.pycache_prefix: the cache goes under the prefix, where cache_from_source says.
prefix = os.path.join(folder, "prefix")
print("prefix:", run("-X", "pycache_prefix=" + prefix,
                     program=PROGRAM + "; import importlib.util as u; "
                     "print(cached_mod.__cached__ == u.cache_from_source(cached_mod.__file__),"
                     " cached_mod.__cached__.startswith(sys.pycache_prefix))"))
print("prefix file:", os.listdir(os.path.join(prefix, folder.lstrip(os.sep))) == [
    "cached_mod." + sys.implementation.cache_tag + ".pyc"])

# py_compile (importlib's own writer) makes a cache the import then loads.
os.remove(cache)
write_source("eleven", 1_600_000_200)
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    py_compile.compile(source, doraise=True)
write_source("twelve", 1_600_000_200)
print("py_compile:", run())

# A __pycache__ that is no folder: nothing can be written, the import still works.
os.remove(cache)
os.rmdir(os.path.dirname(cache))
open(os.path.dirname(cache), "w").close()
print("unwritable:", run())

# The main script is never cached.
os.remove(os.path.dirname(cache))
subprocess.run([sys.executable, source], cwd=folder, env=env, capture_output=True)
print("script:", os.path.exists(os.path.dirname(cache)))

import shutil
shutil.rmtree(folder)
