#!/usr/bin/python3.11
"""Writes cases.txt (valid programs with python3.11's ast.dump(..., include_attributes=True))
and errors.txt (invalid programs with python3.11's exception type, msg and positions).
Run with python3.11 from this folder; the files are checked in.

Record formats (sources are stored byte for byte, their length first):
  @@case <mode> <nbytes>\\n<source>\\n<dump>\\n
  @@error <mode> <nbytes>\\n<source>\\n<type>\\t<msg>\\t<lineno>\\t<offset>\\t<end_lineno>\\t<end_offset>\\n
"""
import ast
import warnings

warnings.simplefilter("ignore")

VALID = [
    ("exec", "x = 1\n"),
    ("exec", "f(a, *b, c=1, **d)\n"),
    ("exec", "x: int = 3\n(y): int\na.b: c\n"),
    ("exec", "a.b[1:2, ::3] += 4\n"),
    ("exec", "def f(a, /, b=1, *c, d, e=2, **g) -> int:\n    return a\n"),
    ("exec", "def f(*, a): pass\ndef g(a, b, /): pass\ndef h(*args: *Ts): pass\n"),
    ("exec", "class A(B, metaclass=M):\n    '''doc'''\n    x = 1\n"),
    ("exec", "class A: pass\nclass B(): pass\n"),
    ("exec", "if a:\n    pass\nelif b:\n    pass\nelse:\n    pass\n"),
    ("exec", "for x, y in z: pass\nelse: pass\nfor x, in y: pass\nfor [a, *b] in c: pass\n"),
    ("exec", "while 1:\n    break\nelse:\n    continue\n"),
    ("exec", "try:\n    pass\nexcept E as e:\n    pass\nexcept (A, B):\n    pass\nexcept:\n    pass\nelse:\n    pass\nfinally:\n    pass\n"),
    ("exec", "try:\n    pass\nexcept* E:\n    pass\nexcept* (F, G) as g:\n    pass\n"),
    ("exec", "with a as b, c: pass\nwith (a as b, c as d,): pass\nwith (a, b): pass\nwith (yield): pass\n"),
    ("exec", "import a.b as c, d\nfrom ..a import (b, c as d)\nfrom . import x\nfrom ... import y\nfrom m import *\n"),
    ("exec", "global x, y\ndef f():\n    nonlocal q\n"),
    ("exec", "lambda: (yield)\nlambda x, *y, z=1, **k: x\nlambda *, a: a\n"),
    ("exec", "[x for x in y if x for z in w]\n{a: b for a, b in c}\n{x for x in y}\n(x for x in y)\n"),
    ("exec", "async def f():\n    [x async for x in y]\n    await z\n    async with a as b: pass\n    async for x in y: pass\n"),
    ("exec", "{1, 2, *a}\n{**a, 1: 2, **b}\n{}\n[]\n()\n(1,)\n[1, 2,]\n"),
    ("exec", "x = 0x1F + 0o17 + 0b11 + 1_000 + 1.5e3 + 2j + 123456789012345678901234567890\n"),
    ("exec", "x = 1e400, 0.1, 1e16, 1e-5, 0.0001, 3.14159, .5, 5., 1_0.0_1e1_0, 0e0, 1E5J, 00, 0_0\n"),
    ("exec", "x = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFF, 0o777777777777777777777777, 0b1010101010101010101010101010101010101010101010101010101010101010101\n"),
    ("exec", "print(f'a{x!r:>{w}} {y=} {z!s} {{lit}} {q:{a}.{b}}')\n"),
    ("exec", "f'{a}' 'b' f'{c=!a:10}' \"d\"\n"),
    ("exec", "x = (f'a{x+1}'\n  'c' f'{z=}')\n"),
    ("exec", "x = f'''\n{a}\n  {b +\n c}'''\n"),
    ("exec", "f'{x:}' f'{x!r}' f'{ x = }' f'{x:{y}}' rf'\\n{x}' f'\\N{BULLET}{x}'\n"),
    ("exec", "f'{\"nested\"}' f\"{'q'}\" f'''{\"\"\"t\"\"\"}'''\n"),
    ("exec", "match x:\n    case [1, *rest]: pass\n    case {'a': 1, **kw}: pass\n    case Point(x=0, y=_) | None: pass\n    case -1 | 1+2j | -3-4j | 'a' 'b' | a.b as z: pass\n    case (a, b): pass\n    case (a): pass\n    case [*_]: pass\n    case {}: pass\n    case C(): pass\n    case C(1, y=[2]): pass\n    case True | False: pass\n    case _ if x: pass\n"),
    ("exec", "match a, b:\n    case 1, 2: pass\n    case *x, y: pass\n"),
    ("exec", "match = 1\nmatch.x = 2\nmatch(3)\ncase = 4\n_ = 5\nprint(match, case)\n"),
    ("exec", "@dec\n@dec2(1)\n@a.b[c]\ndef f(): pass\n@d\nclass C: pass\n@x\nasync def g(): pass\n"),
    ("exec", "del a, b[1], c.d\ndel (a, b), [c]\ndel (a)\n"),
    ("exec", "def g():\n    x = yield\n    y = yield from z\n    yield 1, 2\n    await_ = 1\n"),
    ("exec", "a if b else c\nnot a and b or c and d\na < b <= c is not d not in e in f is g != h == i > j >= k\n"),
    ("exec", "-x ** -y\n~a | b ^ c & d << e >> f + g - h * i / j // k % l @ m\n"),
    ("exec", "x = *a, *b\na, *b = c\n[a, b] = c\na = b = c\n(a) = 1\na[1:2] = b\n"),
    ("exec", "f(x for x in y)\nf(a)(b)(c)\n(a or b)(c)\na.b.c.d\na[b][c]\n"),
    ("exec", "s = 'a' 'b' u'c'\nt = u'x' 'y'\nb = b'\\x00\\xff' rb'\\n' Br'x' bR'y'\n"),
    ("exec", "x = '\\N{BULLET} \\N{LATIN SMALL LETTER A} \\N{CJK UNIFIED IDEOGRAPH-4E00} \\N{HANGUL SYLLABLE GAG} é \\t \\x41 \\u00e9 \\U0001F600 \\101 \\q \\\n end'\n"),
    ("exec", "x = '\\ud800', '\\x7f\\x80\\xa0\\xad', '\\u2028', \"it's\", 'say \"hi\"', 'both \\' \"'\n"),
    ("exec", "x = '''multi\nline''' + \"\"\"and\\\nmore\"\"\"\n"),
    ("exec", "..., x[...]\nx[*a]\nx[a, *b]\nx[1:2:3]\nx[::]\nx[:]\n"),
    ("exec", "(x := 1)\n[y := 2, z]\nf(a := 1)\nif (n := len(a)) > 10: pass\nwhile chunk := f.read(): pass\n"),
    ("exec", "assert x, 'm'\nraise E from c\nraise\nreturn_ = 1\n"),
    ("exec", "x = 1; y = 2;\nif x: y = 3; z = 4\n"),
    ("exec", "x = (1 +\n     2)\ny = [\n  1,\n  2,\n]\nz = 1 + \\\n    2\n"),
    ("exec", "if a:\n\tif b:\n\t\tpass\n\telse:\n\t\tpass\n"),
    ("exec", "def f():\n    # comment\n\n    pass\n        # odd comment\n    return\n"),
    ("exec", "ñame = 1\nｆｕｌｌ = 2\nℌ = 3\nx.ｙ = 4\n"),
    ("exec", "# -*- coding: latin-1 -*-\nx = 1\n"),
    ("exec", "\ufeffx = 'bom'\n"),
    ("exec", "x = 1\r\ny = 2\rz = 3\r\n"),
    ("exec", ""),
    ("exec", "\n\n# only a comment"),
    ("exec", "x = 1 if y else 2\nfor x in range(10) if c else d: pass\n"),
    ("exec", "x = [i for i in range(10) if i % 2 if i > 3]\nx = [(a, b) for a in x for b in y]\n"),
    ("exec", "def f(a: 'str' = 'x', *b: int, c: float = 1.0, **d: dict) -> None: ...\n"),
    ("exec", "print(*args, sep='', **kw)\nf(*a, *b, c=1, *d, **e, **f)\nf(a)(b)[c].d\n"),
    ("exec", "x = not not a\ny = - - + ~ b\nz = a**b**c\nw = (-1) ** 2\n"),
    ("exec", "a = 1 if b else 2 if c else 3\nlambda: 1 if a else 2\n"),
    ("exec", "x = {**a}\nx = {'a': 1, **b, 'c': 3}\nx = {1: (yield)} if 0 else 0\n"),
    ("exec", "with open(f) as (a, b): pass\nwith a as b.c, d as e[0]: pass\n"),
    ("exec", "try:\n    pass\nfinally:\n    pass\n"),
    ("exec", "if 1: pass\nelif 2: pass\nelif 3: pass\n"),
    ("exec", "class A:\n    def f(self):\n        return self.x\n\n    @property\n    def g(self): return 1\n"),
    ("exec", "x = 1  # trailing\n  # indented comment\ny = 2\n"),
    ("exec", "s = r'\\d+' R\"\\w\" U'x' F'{x}'\n"),
    ("exec", "type = 1\nprint(type)\n"),
    ("exec", "1if x else 2\n[0x1for x in y]\n"),
    ("eval", "1 + 2"),
    ("eval", "a, b"),
    ("eval", "x  \n\n"),
    ("eval", "lambda: 0"),
    ("single", "x = 1\n"),
    ("single", "if x:\n    y\n\n"),
    ("single", "print(1); print(2)\n"),
]

INVALID = [
    ("exec", "1_"), ("exec", "0x"), ("exec", "0o8"), ("exec", "0b2"), ("exec", "012"),
    ("exec", "1e"), ("exec", "1abc"), ("exec", "1j_"), ("exec", "1.e5x"), ("exec", "0x1g"),
    ("exec", "1__0"), ("exec", "0b"), ("exec", "0o"), ("exec", "0_"), ("exec", "1e+"),
    ("exec", "x = 0b1_"), ("exec", "0012"), ("exec", "x = 0_7"),
    ("exec", "  x=1"), ("exec", "if 1:\n  x\n y\n"), ("exec", "if 1:\n  x\n y = 5\n"),
    ("exec", "if 1:\n\tx\n        y\n"), ("exec", "if 1:\n        x\n\ty = 5\n"),
    ("exec", "def f():\n  x = 1\n    y = 2\n"),
    ("exec", "x = (1,\n"), ("exec", "x = )"), ("exec", "x = (]"), ("exec", "x = (\n]"),
    ("exec", "(\n"), ("exec", "x = [1, 2\ny = 3\n"), ("exec", "x = {1: 2,\n\n"),
    ("exec", "x = \"abc"), ("exec", "x = 'abc\ny = 1\n"), ("exec", "x = \"\"\"abc\n\n"),
    ("exec", "x = '''abc"),
    ("exec", "x = €"), ("exec", "x = \xa0"), ("exec", "a€ = 1"), ("exec", "x = 1 ❤"),
    ("exec", "(" * 201), ("exec", "x = $"), ("exec", "x = `"), ("exec", "x = 1 ?"),
    ("exec", "a b"), ("exec", "a = 1 +"), ("exec", "a = 1 +\n"), ("exec", "x=1;;"),
    ("exec", "x = 1 2"), ("exec", "import a.b as c.d"), ("exec", "else:\n pass"),
    ("exec", "f(a=1, b)"), ("exec", "f(**a, *b)"), ("exec", "f(**k, a)"), ("exec", "f(*a, b=1, c)"),
    ("exec", "f(x for x in y, 1)"), ("exec", "f(a.b=1)"), ("exec", "f(True=1)"),
    ("exec", "1 = x"), ("exec", "f() = 1"), ("exec", "a + 1 = 2"), ("exec", "a.b = 1 = 2"),
    ("exec", "None = 1"), ("exec", "x, f() = 1"), ("exec", "[a, 1] = x"), ("exec", "x = f() = 1"),
    ("exec", "if x = 1: pass"), ("exec", "while x = 1: pass"), ("exec", "[x = 1]"),
    ("exec", "del f()"), ("exec", "del a + b"), ("exec", "del (a, 1)"),
    ("exec", "for f() in x: pass"), ("exec", "for 1 in x: pass"),
    ("exec", "f() += 1"), ("exec", "a, b += 1"), ("exec", "[a] += 1"),
    ("exec", "x = yield = 1"),
    ("exec", "(a, b): int"), ("exec", "[a]: int"), ("exec", "a + 1: int"),
    ("exec", "if 1:\npass"), ("exec", "class A:\npass"), ("exec", "def f():\nreturn"),
    ("exec", "for x in y:\npass"), ("exec", "while x:\npass"), ("exec", "with a:\npass"),
    ("exec", "try:\npass"), ("exec", "if 1:\n  pass\nelif 2:\npass"),
    ("exec", "if 1:\n  pass\nelse:\npass"),
    ("exec", "try:\n  pass\nexcept:\npass"), ("exec", "try:\n  pass\nfinally:\npass"),
    ("exec", "match x:\n  case 1:\n  pass"), ("exec", "match x:\ncase 1: pass"),
    ("exec", "if x\n  pass"), ("exec", "def f()\n  pass"), ("exec", "class A\n  pass"),
    ("exec", "for x in y\n  pass"), ("exec", "while x\n pass"), ("exec", "with a as b\n pass"),
    ("exec", "try:\n  pass\nx=1"), ("exec", "try:\n pass\nexcept A, B:\n pass"),
    ("exec", "from x import a,"),
    ("exec", "def f(a=1, b): pass"), ("exec", "def f(*): pass"), ("exec", "def f(**a, b): pass"),
    ("exec", "def f(*a=1): pass"), ("exec", "def f(a, /, b, /): pass"), ("exec", "def f(*a, /): pass"),
    ("exec", "lambda *: 1"), ("exec", "def f(**k=1): pass"),
    ("exec", "print x"), ("exec", "print 'x'"), ("exec", "exec \"x\""),
    ("exec", "x = 1 if 2"), ("exec", "(a, b c)"), ("exec", "[a b]"), ("exec", "f(a b)"),
    ("exec", "{a b}"), ("exec", "(1 2)"),
    ("exec", "x = \"a\" b\"c\""), ("exec", "x = b\"a\" \"c\""), ("exec", "x = b\"é\""),
    ("exec", "x = '\\x4'"), ("exec", "x = 'ab\\x4g'"), ("exec", "x = b'\\x4'"),
    ("exec", "x = '\\N{foo}'"), ("exec", "x = '\\N'"), ("exec", "x = '\\U00110000'"),
    ("exec", "x = '\\u12'"),
    ("exec", "f\"{}\""), ("exec", "f\"{x!z}\""), ("exec", "f\"{x\""), ("exec", "f\"}\""),
    ("exec", "f'{x!}'"), ("exec", "f'{#}'"), ("exec", "f'{a b}'"), ("exec", "f'{)}'"),
    ("exec", "f'{x)}'"), ("exec", "f'{x:{y:{z}}}'"), ("exec", "f'{a!r=}'"), ("exec", "f'{(}'"),
    ("exec", "f'{x:{y}'"), ("exec", "f'{ }'"),
    ("exec", "x = \\"), ("exec", "x = 1 \\ 2"), ("exec", "\\\n"), ("exec", "x\\"),
    ("exec", "\ttabbed=1"),
    ("exec", "x = (a := 1 := 2)"), ("exec", "a.b := 1"),
    ("exec", "lambda x: (yield) = 1"),
    ("exec", "@\ndef f(): pass"), ("exec", "def (): pass"), ("exec", "class (): pass"),
    ("exec", "import"), ("exec", "from import x"), ("exec", "from . import"),
    ("exec", "x = [1, 2"), ("exec", "x = {'a': 1"), ("exec", "foo(1, 2"),
    ("exec", "# coding: foo\nx = 1\n"), ("exec", b"\xff"),
    ("exec", b"abc\xff"), ("exec", b"\xef\xbb\xbf# coding: latin-1\n"),
    ("exec", b"# coding: ascii\nx = '\xc3\xa9'\n"),
    ("eval", "x = 1"), ("eval", "1 2"), ("eval", "import x"),
    ("single", "x = 1\ny = 2\n"),
    ("exec", "class A:\n"), ("exec", "class A:\n    def f(self):\n"),
    ("exec", "class A:\n    def f(self):"), ("exec", "def f():\n  if x:\nreturn\n"),
    ("exec", "x := 1"), ("exec", "imp{ort a as b\n"), ("exec", "if x = (1,\n  2) + 3:\n  pass\n"),
    ("exec", "x = [1, 2\ny = 3 $\n"), ("exec", "x = (1 +\n  2 3)\n"),
]


def source_bytes(src):
    return src if isinstance(src, bytes) else src.encode("utf-8")


with open("cases.txt", "wb") as out:
    for mode, src in VALID:
        data = source_bytes(src)
        tree = ast.parse(data, mode=mode)
        out.write(b"@@case %s %d\n" % (mode.encode(), len(data)))
        out.write(data + b"\n")
        out.write(ast.dump(tree, include_attributes=True).encode("utf-8") + b"\n")

with open("errors.txt", "wb") as out:
    for mode, src in INVALID:
        data = source_bytes(src)
        try:
            compile(data, "<test>", mode)
        except SyntaxError as e:
            fields = [type(e).__name__, e.msg, str(e.lineno), str(e.offset), str(e.end_lineno),
                      str(e.end_offset)]
        except MemoryError:
            fields = ["MemoryError", "", "None", "None", "None", "None"]
        else:
            raise SystemExit("unexpectedly valid: %r" % (src,))
        out.write(b"@@error %s %d\n" % (mode.encode(), len(data)))
        out.write(data + b"\n")
        out.write("\t".join(fields).encode("utf-8") + b"\n")
