# SyntaxError from ast.parse (every mode), with lineno, offset, end positions and text; the
# errors of compile()'s flags and modes when asked for a tree.
import ast

CASES = [
    ("x = (1,", "exec"), ("def f(:\n    pass", "exec"), ("1 +", "eval"), ("1 +\n", "eval"),
    ("a b", "eval"), ("x = 1 2", "single"), ("if x:\n", "exec"), ("  x", "exec"),
    ("f(**a, *b)", "eval"), ("x := 1", "exec"), ("del f()", "exec"), ("'abc", "exec"),
    ("f'{'", "exec"), ("return 1", "eval"), ("é = ) ", "exec"), ("x\n\ty\n        z", "exec"),
    ("(a for a in b, c)", "eval"), ("1 = x", "exec"), ("\n\nlambda x: (yield", "exec"),
]
for source, mode in CASES:
    try:
        ast.parse(source, "<src>", mode)
        print(repr(source), "parsed")
    except SyntaxError as e:
        print(repr(source), mode, type(e).__name__, e.msg, e.filename, e.lineno, e.offset,
              e.end_lineno, e.end_offset, repr(e.text))

print(type(ast.parse("x", feature_version=(3, 8))).__name__)
print(ast.dump(ast.parse("def f(a):\n    pass", type_comments=True)))
for mode, flags in [("bogus", 0), ("bogus", ast.PyCF_ONLY_AST), ("func_type", 0)]:
    try:
        compile("x", "<m>", mode, flags)
    except ValueError as e:
        print("ValueError", e)
try:
    compile("x", "<m>", "exec", 1 << 30)
except ValueError as e:
    print("ValueError", e)
