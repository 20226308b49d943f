# compile() of AST objects: trees from ast.parse (changed by a NodeTransformer), trees built
# by hand and completed by fix_missing_locations, in the exec, eval and single modes.
import ast

tree = ast.parse("def sq(n):\n    return n * n\nresult = [sq(i) for i in range(5)]\n")
ns = {}
exec(compile(tree, "<tree>", "exec"), ns)
print(ns["result"], ns["sq"].__code__.co_filename, ns["sq"].__code__.co_firstlineno)


class PlusToMinus(ast.NodeTransformer):
    def visit_BinOp(self, node):
        self.generic_visit(node)
        if isinstance(node.op, ast.Add):
            return ast.copy_location(ast.BinOp(node.left, ast.Sub(), node.right), node)
        return node


expr = ast.parse("10 + 3 + 1", mode="eval")
print(eval(compile(PlusToMinus().visit(expr), "<e>", "eval")))

call = ast.Call(func=ast.Name("print", ast.Load()),
                args=[ast.Constant("built"), ast.BinOp(ast.Constant(6), ast.Mult(), ast.Constant(7))],
                keywords=[ast.keyword("sep", ast.Constant(": "))])
module = ast.Module(body=[ast.Expr(call)], type_ignores=[])
exec(compile(ast.fix_missing_locations(module), "<built>", "exec"))

func = ast.FunctionDef(
    name="add", args=ast.arguments(posonlyargs=[], args=[ast.arg("a"), ast.arg("b")],
                                   kwonlyargs=[], kw_defaults=[], defaults=[ast.Constant(100)]),
    body=[ast.Return(ast.BinOp(ast.Name("a", ast.Load()), ast.Add(), ast.Name("b", ast.Load())))],
    decorator_list=[])
ns = {}
exec(compile(ast.fix_missing_locations(ast.Module([func], [])), "<f>", "exec"), ns)
print(ns["add"](1), ns["add"](1, 2), ns["add"].__name__)

constant = ast.fix_missing_locations(ast.Expression(ast.Constant((1, (2, "x"), None))))
print(eval(compile(constant, "<c>", "eval")))
single = ast.parse("40 + 2", mode="single")
exec(compile(single, "<s>", "single"))
print(compile(tree, "<t>", "exec", ast.PyCF_ONLY_AST) is tree)
print(type(compile("x = 1", "<t>", "exec", ast.PyCF_ONLY_AST)).__name__)
print(type(compile("x", "<t>", "eval", flags=ast.PyCF_ONLY_AST | ast.PyCF_TYPE_COMMENTS)).__name__)
code = compile(ast.parse("import sys\nraise ValueError(sys.maxsize > 0)"), "tree.py", "exec")
try:
    exec(code)
except ValueError as e:
    print("ValueError", e, e.__traceback__.tb_next.tb_lineno)
body = ast.parse("while True:\n    x = yield 1\n    if x: break")
gen_def = ast.FunctionDef("g", ast.arguments([], [], None, [], [], None, []), body.body, [])
ns = {}
exec(compile(ast.fix_missing_locations(ast.Module([gen_def], [])), "<g>", "exec"), ns)
g = ns["g"]()
print(next(g), g.send(0), list(ast.iter_fields(gen_def))[0])
for value in [1.5-2j, -0.5j, (1, (2+3j, b"b"), "x")]:
    tree = ast.fix_missing_locations(ast.Expression(ast.Constant(value)))
    print(repr(eval(compile(tree, "<v>", "eval"))))


class MyName(ast.Name):
    pass


class MyConstant(ast.Constant):
    lineno = 1
    col_offset = 0


subclassed = ast.Expression(ast.BinOp(MyName("x", ast.Load(), lineno=1, col_offset=0), ast.Add(),
                                      MyConstant(5), lineno=1, col_offset=0))
print(eval(compile(subclassed, "<sub>", "eval"), {"x": 10}))
