# ast.parse positions: lineno/col_offset/end_* (UTF-8 byte columns), as include_attributes
# and get_source_segment show them, for multi-line nodes, f-strings and non-ASCII text.
import ast

source = '''\
def f(a,
      b=1):
    s = "héllo" + f"{a}-{b!r}"
    return [x
            for x in a]
café = f(1)  # comment
'''
tree = ast.parse(source)
print(ast.dump(tree.body[0].body[0], include_attributes=True))
for node in ast.walk(tree):
    if hasattr(node, "lineno"):
        print(type(node).__name__, node.lineno, node.col_offset, node.end_lineno,
              node.end_col_offset, repr(ast.get_source_segment(source, node))[:40])
print(ast.dump(ast.parse("x = (1,\n 2)"), include_attributes=True))
print(ast.dump(ast.parse("async def g(): await a.b[c]", mode="exec").body[0].body[0],
               include_attributes=True))
expr = ast.parse("  (a  +  b)".strip(), mode="eval")
print(expr.body.col_offset, expr.body.end_col_offset)
arg = ast.parse("def h(*, k: int): pass").body[0].args.kwonlyargs[0]
print(arg.arg, arg.lineno, arg.col_offset, arg.end_col_offset, arg.type_comment)
kw = ast.parse("f(k=1, **d)").body[0].value.keywords
print([(k.arg, k.col_offset, k.end_col_offset) for k in kw])
alias = ast.parse("import os.path as p").body[0].names[0]
print(alias.name, alias.asname, alias.col_offset, alias.end_col_offset)
handler = ast.parse("try:\n    pass\nexcept E:\n    pass").body[0].handlers[0]
print(handler.lineno, handler.col_offset, handler.end_lineno, handler.end_col_offset)
