# An uncaught exception's report marks the failing part of each source line as CPython
# 3.11 does (~ under the operands, ^ under the operator or subscript, ^ under a whole call),
# through causes and contexts, in threads too, and with 3.11's "Did you mean" suggestions.
# Each program runs in a child interpreter (this one: sys.executable) and its report is
# printed with the temporary path masked.
import os, subprocess, sys, tempfile

programs = {
    "binop": "def f(a):\n    return a[1] + 1/0\nf([1, 2])\n",
    "subscript": "data = {'a': [1, 2]}\nprint(data['a'][5])\n",
    "call": "def g():\n    return None\nresult = len(g())\n",
    "attribute": "class P:\n    pass\nvalue = P().missing_attr + 1\n",
    "chained": "try:\n    {}['k']\nexcept KeyError as e:\n    raise ValueError('bad') from e\n",
    "context": "try:\n    int('x')\nexcept ValueError:\n    [][0]\n",
    "nested": "def outer():\n    return inner(3)\ndef inner(n):\n    return 10 // (n - 3)\nouter()\n",
    "whole_line": "raise RuntimeError('plain')\n",
    "multiline": "x = (1 +\n     2 +\n     None)\n",
    "suggestion": "counter = 1\ndef f():\n    return countr + 1\nf()\n",
    "attribute_suggestion": "class P:\n    xcoord = 1\nprint(P().xcord)\n",
    "thread": "import threading\ndef work():\n    return {}['gone']\nt = threading.Thread(target=work)\nt.start(); t.join()\n",
}
folder = tempfile.mkdtemp()
for name, source in programs.items():
    path = os.path.join(folder, name + ".py")
    with open(path, "w") as f:
        f.write(source)
    r = subprocess.run([sys.executable, path], capture_output=True, text=True)
    report = r.stderr.replace(folder, "<dir>")
    report = "\n".join(line for line in report.splitlines() if not line.startswith("Exception in thread"))
    print("==", name, r.returncode)
    print(report)
