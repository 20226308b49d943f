# sys.exit's tuple argument, argument checks of sys's functions, struct types that refuse
# instances, sys.implementation.version, and the hooks writing to the sys.stderr and
# sys.stdout of the moment (and failing when those are gone).
import builtins
import io
import sys

for arg in (42, (42,), (), ("a", 2), None, "bye"):
    try:
        sys.exit(arg)
    except SystemExit as e:
        print("exit", repr(arg), "->", repr(e.code), e.args)

for f in (sys.getrecursionlimit, sys.getdefaultencoding, sys.getfilesystemencoding,
          sys.getfilesystemencodeerrors):
    try:
        f(1)
    except TypeError as e:
        print("TypeError:", e)
try:
    sys._getframe(1, 2)
except TypeError as e:
    print("TypeError:", e)
for kind in (type(sys.flags), type(sys.version_info)):
    try:
        kind()
    except TypeError as e:
        print("TypeError:", e)

v = sys.implementation.version
print(v.major, v.minor, v[:2] == sys.version_info[:2], type(v) is type(sys.version_info))
print(hex(sys.implementation.hexversion)[:6], sys.getdefaultencoding())

try:
    raise ValueError(42)
except ValueError:
    saved, sys.stderr = sys.stderr, io.StringIO()
    sys.__excepthook__(*sys.exc_info())
    sys.excepthook(1, "1", 1)
    text, sys.stderr = sys.stderr.getvalue(), saved
print(text.splitlines()[0], "|", text.splitlines()[-2], "|", text.splitlines()[-1])

hook = sys.displayhook
saved_out, sys.stdout = sys.stdout, io.StringIO()
exec(compile("6 * 7", "<single>", "single"))
hook(None)
captured, sys.stdout = sys.stdout.getvalue(), saved_out
print(repr(captured), builtins._)
del sys.displayhook
try:
    exec(compile("42", "<single>", "single"))
except RuntimeError as e:
    print("RuntimeError:", e)
sys.displayhook = hook
saved_out = sys.stdout
del sys.stdout
try:
    hook(1)
except RuntimeError as e:
    err = e
sys.stdout = saved_out
print("RuntimeError:", err)
