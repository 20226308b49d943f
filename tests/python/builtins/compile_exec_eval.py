# compile, exec and eval: modes, globals/locals dicts, expression values and returned None.
code = compile("x * 2", "<expr>", "eval")
print(eval(code, {"x": 21}), type(code).__name__, code.co_filename)
g = {}
print(exec("y = 5\ndef f(): return y + 1", g), g["y"], g["f"](), "__builtins__" in g)
loc = {}
exec("a = 1; b = a + 1", {}, loc)
print(loc)
print(eval("1 + 2"), eval("len(s)", {"s": "abc"}), eval("[i for i in range(3)]"))
single = compile("1 + 1", "<s>", "single")
exec(single)
try:
    eval("x = 1")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
try:
    compile("a", "<f>", "bogus")
except ValueError as e:
    print(e)
print(eval("__name__", {"__name__": "custom"}), eval("abs(-2)", {"__builtins__": {"abs": abs}}))
