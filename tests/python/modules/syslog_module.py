# The syslog module: constants, LOG_MASK/LOG_UPTO arithmetic (a C int's), argument errors,
# and the audit events each call raises. The mask set first keeps anything from reaching
# the system log.
import sys
import syslog


def show(label, f, *a, **k):
    try:
        print(label, "->", repr(f(*a, **k)))
    except Exception as e:
        print(label, "->", type(e).__name__, e)


print(sorted(n for n in dir(syslog) if not n.startswith("__")))
print(syslog.__name__, "syslog" in sys.builtin_module_names)
for name in ["LOG_EMERG", "LOG_ERR", "LOG_INFO", "LOG_DEBUG", "LOG_PID", "LOG_NDELAY",
             "LOG_USER", "LOG_DAEMON", "LOG_LOCAL0", "LOG_LOCAL7", "LOG_AUTHPRIV"]:
    print(name, getattr(syslog, name))

previous = syslog.setlogmask(syslog.LOG_MASK(syslog.LOG_EMERG))
print("mask now", syslog.setlogmask(0))

for pri in [0, 3, 7, 30, 31, 32, 40, -1, -2, 100, True]:
    print("pri", pri, syslog.LOG_MASK(pri), syslog.LOG_UPTO(pri))
show("LOG_MASK('a')", syslog.LOG_MASK, "a")
show("LOG_MASK()", syslog.LOG_MASK)
show("LOG_MASK(1, 2)", syslog.LOG_MASK, 1, 2)
show("LOG_MASK(pri=1)", syslog.LOG_MASK, pri=1)
show("LOG_UPTO(2**70)", syslog.LOG_UPTO, 2**70)
show("LOG_MASK(3.0)", syslog.LOG_MASK, 3.0)

show("setlogmask('x')", syslog.setlogmask, "x")
show("setlogmask()", syslog.setlogmask)
show("setlogmask(1, 2)", syslog.setlogmask, 1, 2)
show("setlogmask(maskpri=1)", syslog.setlogmask, maskpri=1)
show("setlogmask(None)", syslog.setlogmask, None)

show("syslog()", syslog.syslog)
for args in [(1,), (b"x",), (1, 2), ("a", "b"), (1, 2, 3), (1.5, "x"), (2**40, "x")]:
    show(f"syslog{args!r}", syslog.syslog, *args)
show("syslog(message='x')", syslog.syslog, message="x")
show("syslog('\\udc80')", syslog.syslog, "\udc80")

show("openlog(1)", syslog.openlog, 1)
show("openlog(None)", syslog.openlog, None)
show("openlog(ident=3)", syslog.openlog, ident=3)
show("openlog('x', 'y')", syslog.openlog, "x", "y")
show("openlog('x', 0, 'z')", syslog.openlog, "x", 0, "z")
show("openlog('a', 1, 2, 3)", syslog.openlog, "a", 1, 2, 3)
show("openlog(foo=1)", syslog.openlog, foo=1)
show("openlog('x', 1, logoption=2)", syslog.openlog, "x", 1, logoption=2)
show("openlog('x', 2**70)", syslog.openlog, "x", 2**70)
show("closelog(1)", syslog.closelog, 1)
show("closelog()", syslog.closelog)


def hook(event, args):
    if event.startswith("syslog."):
        print("audit", event, args)


sys.addaudithook(hook)
syslog.openlog("ident", syslog.LOG_PID, syslog.LOG_LOCAL0)
syslog.syslog("one")
syslog.syslog(syslog.LOG_ERR, "two")
syslog.closelog()
# Not open: syslog() opens it as openlog() would, named after the script.
syslog.syslog("three")
syslog.closelog()
syslog.setlogmask(previous)
