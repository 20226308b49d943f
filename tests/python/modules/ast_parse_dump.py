# ast.parse builds CPython 3.11's tree: ast.dump of statements and expressions of every kind.
import ast

SOURCES = [
    "x = y = 1 + 2 * -3 ** 4",
    "a[1:2, ::3] += b.c",
    "x: list[int] = []",
    "del a, b[0], c.d",
    "f(a, *b, k=1, **d)",
    "lambda a, /, b=1, *c, d, e=2, **f: (a, b)",
    "[x for x in y if x] + {k: v for k, v in z} + {s for s in t} + list(g for g in h)",
    "f'{a!r:>{w}} and {b=}' 'tail' u'u'",
    "b'bytes' + 1.5 + 2j + 0x1f + 10**100 + ... + None + True",
    "a if b else c; not a; a and b or c; a < b <= c is not d not in e",
    "(y := 5); print(*args, sep='')",
    "import a.b as c, d\nfrom ..m import (x as y, z)\nfrom . import *",
    "def f():\n    global g\n    nonlocal n",
    "@dec\n@dec2(1)\ndef f(a: int = 1) -> str:\n    'doc'\n    return a",
    "@dataclass\nclass C(B, metaclass=M):\n    x: int\n    def m(self): pass",
    "async def f():\n    async for a in b: await a\n    async with c as d, e: pass\n    return [i async for i in j]",
    "def g():\n    yield 1\n    yield from h()\n    x = yield",
    "for i in r:\n    break\nelse:\n    continue",
    "while x:\n    pass\nelse:\n    x -= 1",
    "if a:\n    pass\nelif b:\n    pass\nelse:\n    pass",
    "try:\n    pass\nexcept E as e:\n    raise X from e\nexcept:\n    raise\nelse:\n    pass\nfinally:\n    pass",
    "try:\n    pass\nexcept* ValueError as eg:\n    pass\nexcept* (TypeError, KeyError):\n    pass",
    "with open(f) as g, h:\n    assert g, 'msg'",
    "match p:\n    case 0 | 1 | -2 | 1+2j:\n        pass\n    case [a, *rest] if a:\n        pass\n    case {'k': v, **kw}:\n        pass\n    case Point(x=0, y=yy) | Point(1, _):\n        pass\n    case None | True:\n        pass\n    case str() as s:\n        pass\n    case [*_]:\n        pass",
]
for source in SOURCES:
    print(ast.dump(ast.parse(source)))
print(ast.dump(ast.parse("x + 1", mode="eval")))
print(ast.dump(ast.parse("x = 1; y", mode="single")))
print(ast.dump(ast.parse("def f(): pass"), indent=2))
tree = ast.parse("def f(a): return\nx = 1")
print(sorted(vars(tree.body[0])), tree.body[0].returns, tree.body[0].type_comment)
print(list(vars(tree)), tree.type_ignores)
t2 = ast.parse("a; b")
print(t2.body[0].value.ctx is t2.body[1].value.ctx, type(t2.body[0].value.ctx).__name__)
print(ast.parse("x").body[0].value.__class__.__module__, isinstance(tree, ast.AST))
print(ast.parse("1 < 2").body[0].value.ops[0].__class__, type(ast.parse("0x10").body[0].value.value))
print(ast.parse("import x").body[0].names[0].asname, ast.parse("from . import y").body[0].module)
