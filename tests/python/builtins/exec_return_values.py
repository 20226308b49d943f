# exec returns None; eval of an expression returns its value; compile flags for interactive mode.
print(exec("1 + 1"), eval("1 + 1"), eval(compile("2 * 3", "<e>", "eval")))
ns = {}
exec(compile("def f():\n    return 'from compiled'\n", "<c>", "exec"), ns)
print(ns["f"](), ns["f"].__code__.co_filename)
try:
    exec("1 +")
except SyntaxError as e:
    print("SyntaxError", e.msg, e.lineno, e.filename)
try:
    eval("")
except SyntaxError as e:
    print("SyntaxError", e.msg)
