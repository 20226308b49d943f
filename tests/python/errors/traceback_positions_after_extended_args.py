# The traceback module finds a frame's columns through tb_lasti and co_positions(); in code
# long enough to need EXTENDED_ARG both must count the same units.
import traceback, sys, modulefinder, os, tempfile

src = "def far(d):\n    x = [%s]\n    return d['missing'] + x[0]\n" % ", ".join("g%d" % i for i in range(300))
ns = {"g%d" % i: i for i in range(300)}
exec(compile(src, "generated.py", "exec"), ns)
try:
    ns["far"]({})
except KeyError:
    tb = sys.exc_info()[2]
    while tb.tb_next:
        tb = tb.tb_next
    print(tb.tb_lineno, tb.tb_lasti == tb.tb_frame.f_lasti, tb.tb_lasti % 2)
    positions = list(tb.tb_frame.f_code.co_positions())
    print(positions[tb.tb_lasti // 2])
    frame = traceback.extract_tb(sys.exc_info()[2])[-1]
    print(frame.lineno, frame.colno, frame.end_colno)


def here():
    return sys._getframe().f_lasti, sys._getframe().f_code


lasti, code = here()
print(lasti % 2, 0 <= lasti < len(code.co_code))

# modulefinder reads co_code for the imports of a script.
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "script.py")
    with open(path, "w") as f:
        f.write("import json\nfrom os import path\nimport no_such_module_here\n"
                "def f():\n    import csv\n")
    finder = modulefinder.ModuleFinder()
    finder.run_script(path)
    print(sorted(m for m in finder.modules if m in ("json", "os", "csv", "__main__")))
    print("no_such_module_here" in finder.badmodules)
