# cProfile: the profiler is sys.getprofile(); callers of builtins per caller; a failing timer is unraisable
import cProfile
import io
import pstats
import sys

ticks = 0


def timer():
    global ticks
    ticks += 1
    return ticks


def helper1():
    hasattr([], "x")


def helper2():
    hasattr((), "y")
    helper1()


def main():
    for _ in range(3):
        helper1()
    helper2()


prof = cProfile.Profile(timer, 0.001)
prof.enable()
print("getprofile is the profiler:", sys.getprofile() is prof)
main()
prof.disable()
print("after disable:", sys.getprofile())
out = io.StringIO()
stats = pstats.Stats(prof, stream=out).sort_stats("stdname")
stats.print_callers("hasattr|helper")
for line in out.getvalue().splitlines():
    if "<-" in line or line.startswith(" " * 20):
        # function, ncalls, caller (no times)
        parts = line.split("<-") if "<-" in line else ["", line]
        fields = parts[1].split()
        if fields:
            callee = parts[0].strip().split("/")[-1] or "..."
            print(callee, "|", fields[0], fields[-1].split(":")[-1])

reported = []
sys.unraisablehook = lambda hook_args: reported.append(hook_args.exc_type.__name__)
bad = cProfile.Profile(lambda: None)
bad.enable()
len([])
bad.disable()
print("timer errors reported:", bool(reported), set(reported))
