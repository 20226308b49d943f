# ast.literal_eval: literals, containers, signed numbers and complex sums; what it refuses.
import ast

for text in ["42", "-7", "+3.5", "0x_ff", "1e400", "-1e400", "2j", "1+2j", "-1-2.5j",
             "'a' 'b'", "b'\\x00\\xff'", "u'\\u00e9'", "None", "True", "...",
             "[1, [2, (3,)], {4: 5}]", "{'k': {'n': None}}", "(1,)", "()", "set()",
             "{1, 2, 3}", "  {'x': -0.0}  ", "\t[1,\n 2]"]:
    try:
        value = ast.literal_eval(text)
        print(repr(text), type(value).__name__, value)
    except (ValueError, SyntaxError, TypeError) as e:
        print(repr(text), type(e).__name__, e)

for text in ["frozenset()", "x", "f(1)", "1 + x", "[i for i in r]", "a.b", "{**d}", "-'s'", "1 +", "lambda: 1"]:
    try:
        ast.literal_eval(text)
    except ValueError as e:
        print(repr(text), "ValueError", str(e).split(" at 0x")[0])
    except SyntaxError as e:
        print(repr(text), "SyntaxError", e.msg, e.lineno, e.offset)
print(ast.literal_eval(ast.parse("[1, -2]", mode="eval")))
print(ast.literal_eval(ast.Constant(value=(1, 2))))
