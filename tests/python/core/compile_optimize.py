# compile(optimize=N): from 1 up, assert statements vanish and __debug__ is False.
import sys
code = "assert False, 'gone'\nprint('after', __debug__)"
for level in (0, 1, 2):
    try:
        exec(compile(code, "<t>", "exec", optimize=level))
    except AssertionError as e:
        print(level, "AssertionError", e)
print(sys.flags.optimize, __debug__)
try:
    compile("1", "<t>", "exec", optimize=5)
except ValueError as e:
    print(e)
