# breakpoint() calls sys.breakpointhook; the default hook follows $PYTHONBREAKPOINT (0 turns
# it off, a name that cannot be imported is ignored with a RuntimeWarning).
import os, sys, warnings
print(sys.breakpointhook is sys.__breakpointhook__)
def my_hook(*args, **kws):
    print("hook called with", args, kws)
    return "result"
sys.breakpointhook = my_hook
print(breakpoint(1, two=2))
sys.breakpointhook = sys.__breakpointhook__
os.environ["PYTHONBREAKPOINT"] = "0"
print(breakpoint())
os.environ["PYTHONBREAKPOINT"] = "no_such_module_xyz.hook"
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print(breakpoint())
print([(w.category.__name__, str(w.message)) for w in caught])
os.environ["PYTHONBREAKPOINT"] = "builtins.print"
breakpoint("printed", "by", "the", "hook")
os.environ["PYTHONBREAKPOINT"] = "print"
breakpoint("builtin name without a dot")
