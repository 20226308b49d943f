# ast.unparse of parsed trees, and parse(unparse(tree)) giving the same tree back, for
# the constructs whose text form is tricky (precedence, f-strings, star targets, match).
import ast

SOURCES = [
    "x = (a + b) * c ** -d",
    "f(*args, **kw)[1:2, ...] @= ~y",
    "lambda: (yield)",
    "f'{x!r:{width}.{p}}' + rf'\\d{y}'",
    "a, *b = c if d else e",
    "async def f():\n    async with a as (b, c):\n        return [x async for x in y if await x]",
    "class C(Base, metaclass=Meta):\n    @property\n    def p(self) -> int:\n        '''doc'''\n        return self._p",
    "match cmd:\n    case ['go', direction] | {'go': direction}:\n        pass\n    case Point(x=0) as p if p:\n        pass",
    "try:\n    pass\nexcept* (A, B) as g:\n    raise\nfinally:\n    del x[0], y.z",
    "from .. import (a as b)\nimport c.d\nglobal q",
    "print(not a or b and c, -(-1), (x := 3), 1 if 2 else 3, {**d, 'k': 1}, {1, *s})",
    "for i, (j, k) in enumerate(z):\n    continue\nelse:\n    assert False, 'm'",
    "x = 1e100 + 0.1 + 3j + 0b101 + 'a' 'b' + b'\\x00'",
]
for source in SOURCES:
    tree = ast.parse(source)
    text = ast.unparse(tree)
    print(text)
    print(ast.dump(ast.parse(text)) == ast.dump(tree))
print(ast.unparse(ast.parse("1 + 2", mode="eval")))
print(ast.unparse(ast.BinOp(ast.Constant(1), ast.Pow(), ast.UnaryOp(ast.USub(), ast.Name("x")))))
