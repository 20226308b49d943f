# The shape of a SyntaxError by the part of 3.11 that raises it: parser and tokenizer errors carry the line as text (the tokenizer's without its newline), compile-phase errors have text None for a source with no file, symbol-table and __future__ errors keep args == (msg,) with the location in attributes
def show(src, mode="exec"):
    try:
        compile(src, "<frag>", mode)
        print(repr(src), "compiled")
    except SyntaxError as e:
        print(repr(src), type(e).__name__, e.args)
        print("   ", e.filename, e.lineno, e.offset, repr(e.text), e.end_lineno, e.end_offset, str(e))

for src in ["x = 0xI\n", "x = \"abc\ny=1\n", "0010 + 2\n", "x = )\n", "(1+)\n", "x = [1,\n2 3]\n",
            "def spam():\n  print(1)\n print(2)", "if True:\n        print()\n\tprint()\n",
            "def f():\n  continue", "class foo:return 1", "with object() as obj:\n break",
            "try:\n  pass\nexcept:\n  pass\nexcept ValueError:\n  pass",
            "x=1\nfrom __future__ import division", "from __future__ import braces",
            "from __future__ import nope", "nonlocal x", "def f(x, x):\n  pass",
            "def f(x):\n  nonlocal x", "x = [(yield i) for i in range(3)]",
            "{i for i in range(5) if (j := 0) for j in range(5)}",
            "f'''\n    {\n    (123_a)\n    }'''", "x=1\ny=2\nf'{a b}'\n", "f'{!r}'", "f'{}'",
            '"\\\n"(1 for c in I,\\\n\\', "é = 1 2\n", "x = 5\\"]:
    show(src)
show("é = 1 2\n".encode())  # bytes with no declaration: 3.11 counts columns in bytes
show("a = 1\n  b = 2\n", "single")

# SyntaxError's own constructor
for args in [(), ("m",), ("m", ("f.py", 1, 2, "abc")), ("m", ("f.py", 1, 2, "abc", 1, 3))]:
    e = SyntaxError(*args)
    print(args, repr(str(e)), e.msg, e.filename, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset)
for bad in [("f.py", 1, 2), ("f.py", 1, 2, 4, 5, 6, 7), ("f.py", 1, 2, "abcdefg", 1)]:
    try:
        SyntaxError("m", bad)
    except TypeError as e:
        print("TypeError", e)
e = SyntaxError("m", ("f.py", 1, 2, "abc", 1, 3))
e.lineno = 7
del e.text
print(e.lineno, e.text, str(e), e.args)
