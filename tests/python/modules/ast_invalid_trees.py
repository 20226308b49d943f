# compile() of _ast trees that CPython refuses: missing fields and positions, wrong node
# kinds and types, contexts that do not fit, empty bodies, lists whose lengths disagree.
import ast

P = dict(lineno=1, col_offset=0)


def attempt(tree, mode="exec"):
    try:
        compile(tree, "<bad>", mode)
        print("compiled")
    except (TypeError, ValueError) as e:
        print(type(e).__name__, str(e).split(" object at 0x")[0])


def changed(source, change, mode="exec"):
    tree = ast.parse(source, mode=mode)
    change(tree)
    attempt(tree, mode)


attempt(ast.Module(body=[ast.Expr()], type_ignores=[]))
attempt(ast.Module(body=[ast.Expr(value=ast.Name("x", ast.Load()), **P)], type_ignores=[]))
attempt(ast.Module(body=[ast.Expr(value=None, **P)], type_ignores=[]))
attempt(ast.Module(body=[ast.Expr(ast.Name(1, ast.Load(), **P), **P)], type_ignores=[]))
attempt(ast.Module(body=[ast.Expr(ast.Constant([1], **P), **P)], type_ignores=[]))
attempt(ast.Module(body=[ast.Expr(ast.Constant(1, **P), **P)]))
attempt(ast.Module(body=1, type_ignores=[]))
attempt(ast.Module(body=[None], type_ignores=[]))
attempt(ast.Module(body=[ast.Pass(**P)], type_ignores=[]), "eval")
attempt(ast.Expression(body=ast.Constant(1, **P)), "single")
attempt(ast.Module(body=[ast.Name("x", ast.Load(), **P)], type_ignores=[]))
attempt(ast.Module(body=[ast.Expr(ast.Constant(1, lineno="a", col_offset=0), **P)], type_ignores=[]))
attempt(ast.Module(body=[ast.FunctionDef("f", ast.arguments([], [], None, [], [], None, []), [], [], **P)],
                   type_ignores=[]))
changed("x = 1", lambda t: setattr(t.body[0].targets[0], "ctx", ast.Load()))
changed("x = 1", lambda t: setattr(t.body[0], "targets", [ast.Constant(1, **P)]))
changed("del x", lambda t: setattr(t.body[0].targets[0], "ctx", ast.Store()))
changed("(a, *b) = c", lambda t: setattr(t.body[0].targets[0].elts[1], "ctx", ast.Load()))
changed("x.y = 1", lambda t: setattr(t.body[0].targets[0].value, "ctx", ast.Store()))
changed("[x for x in y]", lambda t: setattr(t.body[0].value.generators[0].target, "ctx", ast.Load()))
changed("{1: 2}", lambda t: t.body[0].value.keys.append(None))
changed("1 < 2", lambda t: t.body[0].value.ops.append(ast.Lt()))
changed("a and b", lambda t: t.body[0].value.values.pop())
changed("def f(a=1): pass", lambda t: t.body[0].args.args.pop())
changed("try:\n    pass\nexcept E:\n    pass", lambda t: setattr(t.body[0], "handlers", []))
changed("x = 1", lambda t: setattr(t.body[0], "targets", []))
changed("from . import x", lambda t: setattr(t.body[0], "level", -1))
changed("raise", lambda t: setattr(t.body[0], "cause", ast.Name("x", ast.Load(), **P)))
changed("x", lambda t: setattr(t.body[0].value, "id", "None"))
changed("x", lambda t: setattr(t.body[0].value, "ctx", None))
changed("x + 1", lambda t: setattr(t.body[0].value, "op", ast.Load()))
changed("x + 1", lambda t: setattr(t.body[0].value, "op", ast.Sub()))
changed("x", lambda t: delattr(t.body[0], "end_lineno"))
changed("if x:\n    pass", lambda t: setattr(t.body[0], "body", []))
try:
    compile(ast.Module([], []), "<m>", "exec", ast.PyCF_ONLY_AST).body.append(1)
    compile(3, "<m>", "exec")
except TypeError as e:
    print("TypeError", e)
for depth in [500, 2000]:
    nested = ast.Constant(1, **P)
    for _ in range(depth):
        nested = ast.UnaryOp(ast.USub(), nested, **P)
    try:
        print(depth, eval(compile(ast.Expression(nested), "<deep>", "eval")))
    except RecursionError as e:
        print(depth, "RecursionError", e)


class Weird(ast.AST):
    _fields = ()


attempt(ast.Expression(Weird()), "eval")
attempt(Weird(), "eval")
attempt(ast.Expression(Weird(**P)), "eval")
