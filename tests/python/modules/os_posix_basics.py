# os on top of posix: the working directory, paths, listing, stat, environ, errno.
import errno
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
print(os.getcwd() == os.path.abspath("."), os.path.join("a", "b"), os.sep, os.name)
print(os.path.exists(here), os.path.isdir(here), os.path.isfile(__file__))
print("os_posix_basics.py" in os.listdir(here), any(e.name == "os_posix_basics.py" for e in os.scandir(here)))
st = os.stat(__file__)
print(st.st_size > 0, st.st_mode == st[0], os.path.getsize(__file__) == st.st_size, type(st).__name__)
os.environ["PYPYSTM_TEST_VAR"] = "v"
print(os.environ["PYPYSTM_TEST_VAR"], os.environ.get("NO_SUCH_VARIABLE_HERE"), os.fspath("p"))
try:
    os.stat("/no/such/file")
except FileNotFoundError as e:
    print(e.errno == errno.ENOENT, errno.errorcode[e.errno])
print(sys.getfilesystemencoding(), len(os.urandom(8)), isinstance(os.getpid(), int))
