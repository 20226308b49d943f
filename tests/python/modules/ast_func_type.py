# ast.parse(mode='func_type'): signature type comments as FunctionType trees, their syntax
# errors, and compile() of such a tree (only with PyCF_ONLY_AST).
import ast
for s in ["() -> int", "(int) -> str", "(int, List[str]) -> None", "(a, *b, **c) -> d",
          "(*b, **c) -> d", "(**c) -> d", "(*b) -> d", "(a, *b) -> d", "(a, **c) -> d",
          "(int,) -> int", "(*a, b) -> c", "(**a, *b) -> c", "int -> int", "(a) -> ", "(a) -> b\n\n",
          "(a) -> b c", "(a: int) -> b", "(x := 1) -> y", "(a)"]:
    try:
        t = ast.parse(s, "<ft>", "func_type")
        print(repr(s), ast.dump(t, include_attributes=True))
    except SyntaxError as e:
        print(repr(s), "SyntaxError", e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
t = ast.parse("(int) -> str", mode="func_type")
print(compile(t, "<x>", "func_type", ast.PyCF_ONLY_AST) is t)
for args in [(t, "<x>", "func_type"), (t, "<x>", "exec")]:
    try:
        compile(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
