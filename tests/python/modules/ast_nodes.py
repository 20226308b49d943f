# _ast's node classes as the ast module shows them: fields, attributes, match args,
# construction by position and keyword, optional fields defaulting to None, ast.dump of
# hand-built trees.
import ast

print(ast.Name._fields, ast.Name.__match_args__, ast.expr._attributes, ast.Name.__module__)
print(ast.BinOp.__mro__)
print(issubclass(ast.Load, ast.expr_context), issubclass(ast.Add, ast.operator), ast.PyCF_ONLY_AST)
node = ast.BinOp(ast.Constant(1), ast.Add(), right=ast.Constant(2))
print(ast.dump(node))
tree = ast.Module(body=[ast.Assign(targets=[ast.Name("x", ast.Store())],
                                   value=node, lineno=1)], type_ignores=[])
print(ast.dump(tree))
a = ast.arg("x")
print(a.annotation, a.type_comment, a.arg)
try:
    ast.Name(1, 2, 3)
except TypeError as e:
    print("TypeError", e)
try:
    ast.Name().id
except AttributeError as e:
    print("AttributeError", e)
match node:
    case ast.BinOp(ast.Constant(left), ast.Add(), ast.Constant(right)):
        print("matched", left, right)
print(len([n for n in dir(ast) if isinstance(getattr(ast, n), type) and issubclass(getattr(ast, n), ast.AST)]) > 100)
print(ast.unparse(tree) if hasattr(ast, "unparse") else None)
