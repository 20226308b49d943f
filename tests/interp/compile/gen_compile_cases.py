"""Generates the expected data of the compiler's tests from CPython 3.11 itself.

  python3.11 gen_compile_cases.py   (writes listing_cases.txt, position_cases.txt,
                                     error_cases.txt and symtable_cases.txt here)

listing_cases.txt: programs and their instruction listings, from CPython's code objects
    translated to our instruction set by cpython_dis.py.
position_cases.txt: the same programs and the full source position (line, end line,
    column, end column) of each instruction, from co_positions().
error_cases.txt: programs that parse but do not compile, with 3.11's SyntaxError message
    and position (lineno, offset, end_lineno, end_offset).
symtable_cases.txt: programs and, for each scope, each name's scope and use flags from the
    `symtable` module.
Records are separated by lines starting with "@@@".
"""
import os
import _symtable
import symtable
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cpython_dis  # noqa: E402
import dis  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))

LISTING_CASES = {
    "assign_and_call": "x = 1\nprint(x + 2)\n",
    "unpacking": "a, b = b, a\na, *b, c = x\n[a, (b, c)] = y\nx = y = z\n*a, = b\n",
    "swap_in_function": "def f(a, b):\n    a, b = b, a\n    a, b, c = c, b, a\n    return a\n",
    "targets": "a.b.c = d[e][1:2]\ndel a, b.c, d[1]\nx[::2] = y\n",
    "augmented": "x += 1\nx.y -= 2\nx[1] *= 3\nx //= y @ z\n",
    "if_elif_else": "if a and b or c:\n    pass\nelif not d:\n    x = 1 if y else 2\nelse:\n    x = 3\n",
    "is_none_tests": "if x is None:\n    a\nif x is not None:\n    b\nif not (x is y):\n    c\n",
    "while_loop": "while x < 10:\n    x = x + 1\n    if x == 5:\n        break\n    if x == 3:\n        continue\nelse:\n    y = 2\n",
    "while_true": "def f():\n    while True:\n        if g():\n            return 1\n",
    "for_loop": "for i in range(3):\n    print(i)\nelse:\n    done()\nfor a, b in [(1, 2), (3, 4)]:\n    pass\nfor x in [y, z]:\n    pass\n",
    "calls": "f(a, b=1)\nf(*a, **b)\nf(a, b=1, *c, d=2, **e)\no.m(1, k=2)\no.m(*a)\nf()\n",
    "displays": "{1: 2, **x, 3: 4}\n{'a': 1, 'b': 2}\n[1, 2, 3]\n{1, 2, 3}\n(1, 2, (3, -4))\n[*a, b]\n(*a, 1)\n{*a}\nx = {'k': v}\n",
    "comparisons": "a < b < c\nx = a == b\ny = a in [1, 2, 3]\nz = a not in {1, 2}\n",
    "fstrings": "x = f\"a{b!r:>{c}}d{e}\"\ny = f\"{z}\"\nw = f\"{a!s}{b!a}\"\n",
    "imports": "import a.b.c\nimport a.b.c as d\nfrom . import x as y, z\nfrom m import *\nfrom ..p import q\nimport os, sys\n",
    "assert_raise": "assert x, \"msg\"\nassert y\nraise E from F\nraise\n",
    "functions": "def f(a, /, b, *args, c, d=4, **kw):\n    return a\ndef g(x=1, y=2):\n    'doc'\n    return x\n",
    "decorators": "@dec1\n@dec2(1)\ndef decorated(): \"doc\"\n@cls_dec\nclass K: pass\n",
    "lambda": "lam = lambda x, y=2, *, z=3: x + y + z\nlam2 = lambda: (yield)\n",
    "closures": "def outer():\n    a = 1\n    def inner():\n        nonlocal a\n        a += 1\n        return a\n    return inner\n",
    "class_body": "class C(B, metaclass=M):\n    \"doc\"\n    x: int = 1\n    def f(self): return super().f()\n    def __g(self, __a): self.__b = __a\n",
    "class_in_function": "def outer():\n    a = 1\n    class Inner:\n        b = a\n        def m(self): return a\n    return Inner\n",
    "try_except": "try:\n    f()\nexcept E as e:\n    g(e)\nexcept (A, B):\n    pass\nexcept:\n    h()\nelse:\n    i()\n",
    "try_finally": "try:\n    f()\nfinally:\n    g()\n",
    "try_except_finally": "def f():\n    try:\n        return g()\n    except E:\n        return 2\n    finally:\n        h()\n",
    "loop_through_finally": "def f2():\n    for i in x:\n        try:\n            continue\n        finally:\n            break\n    while True:\n        with cm:\n            return 5\n",
    "try_star": "try:\n    pass\nexcept* ValueError as e:\n    print(e)\nexcept* TypeError:\n    pass\n",
    "with": "with a as b, c:\n    d\nwith e as (f, g):\n    pass\n",
    "generators": "def gen(x):\n    yield x\n    y = yield from x\n    return y\n",
    "async": "async def co(a):\n    await a\n    async with a as b:\n        pass\n    async for i in a:\n        print(i)\n    return [x async for x in a]\nasync def agen():\n    yield 1\n",
    "comprehensions": "g = (i*2 for i in range(10) if i for j in [i])\nd = {k: v for k, v in items}\ns = {x for x in y}\nl = [x for x in y if x if not x for z in x]\n",
    "nested_comprehension_closure": "def f(a):\n    return [[a + x for x in y] for y in a]\n",
    "annotations": "x: int\ny: list[int] = []\n(z): int = 3\na.b: int\ndef ann(a: int, *b: str, c: float = 1.0, **d: bool) -> None: pass\n",
    "globals": "def f():\n    global G\n    G = 1\n    del G\n    return H\n",
    "walrus": "if (n := len(a)) > 10:\n    print(n)\n[y for x in data if (y := f(x))]\n",
    "slices_subscripts": "a[1]\na[1:2]\na[::3]\na[1, 2]\na[b:c, d]\n",
    "boolean_values": "x = a and b\ny = a or b or c\nz = not a\n",
    "unary": "x = -a\ny = +a\nz = ~a\nw = -1\nv = -(2.5)\n",
    "constants": "a = None\nb = True\nc = ...\nd = b'bytes'\ne = 1.5\nf = 2j\ng = 0x10\nh = ()\n",
    "docstring_module": "\"module doc\"\nx = 1\n",
    "star_unpack_calls": "print(*a, *b)\nf(**a, **b)\n",
    "delete_locals": "def f(a):\n    b = a\n    del a, b\n",
    "return_in_with": "def f():\n    with a:\n        return b\n",
    "break_in_try_except": "for x in y:\n    try:\n        break\n    except:\n        continue\n",
    "except_name_in_function": "def f():\n    try:\n        pass\n    except E as e:\n        return e\n",
    "global_class_qualname": "def f():\n    global C\n    class C: pass\n    def g():\n        def h(): pass\n",
    "match_basic": "match x:\n    case 1:\n        a\n    case None:\n        b\n    case [p, *q, r]:\n        c\n    case {'k': v, **rest}:\n        d\n    case P(e, f=g):\n        e\n    case 2 | 3 as h:\n        f\n    case [_, _] if h:\n        g\n    case y:\n        h\n",
    "match_patterns": 'def f(x):\n    match x:\n        case [1, *_, last]:\n            return last\n        case {"a": 1, "b": [c, d], **kw} if c > d:\n            return kw\n        case Point(x=0, y=yy) | Point(y=yy, x=1):\n            return yy\n        case (a, b) | [b, a]:\n            return a, b\n        case str() | bytes():\n            pass\n        case -1 | 1+2j | -3.5 | A.B:\n            pass\n        case {}:\n            pass\n        case [*rest]:\n            return rest\n        case _:\n            return None\nmatch y:\n    case _:\n        z = 1\nmatch w:\n    case 1:\n        pass\n    case _ if cond:\n        pass\n',
    "future_annotations_unparsed": 'from __future__ import annotations\nx: int\ny: list[int] = []\nz: dict[str, tuple[int, ...]] | None\ndef f(a: \'q\', b: a.b.c[1:2, ::3], *c: (1, -2.5, 1e400), d: lambda x, /, y=1, *z, w, **k: x, **e: f"a{b!r:>{c}}{{") -> not a and b or c if d else e: pass\nclass C:\n    v: Callable[[int], str] = None\n    w: {1: 2, **k} | {1, 2} | [x async for x in y if x] | -x ** -y | (-x) ** y | 1 .real | u\'x\' | b\'y\' | 2j | 1+2j\n',
    "nonprintable_string_constants": "a = '\\xa0\\xad\\ufffe\\u200e\\U0001f600\\x00'\nb = b'\\x00\\xff\"'\n",
    "dunder_mangling": "class A:\n    __x = 1\n    def f(self):\n        return self.__x + __y\n    import __m\n",
}

ERROR_CASES = {
    "return_outside": "return 1\n",
    "return_in_class": "class C:\n    return\n",
    "break_outside": "x = 1\nbreak\n",
    "continue_outside": "if x:\n    continue\n",
    "yield_outside": "x = (yield 1)\n",
    "yield_from_outside": "yield from x\n",
    "yield_in_class": "class C:\n    yield\n",
    "await_outside_function": "await x\n",
    "await_outside_async": "def f():\n    await x\n",
    "return_value_async_gen": "async def f():\n    yield 1\n    return 2\n",
    "yield_from_async": "async def f():\n    yield from x\n",
    "yield_in_listcomp": "def f():\n    [(yield x) for x in y]\n",
    "yield_in_genexp": "def f():\n    ((yield) for x in y)\n",
    "yield_in_setcomp": "def f():\n    {(yield) for x in y}\n",
    "yield_in_dictcomp": "def f():\n    {x: (yield) for x in y}\n",
    "async_for_outside": "def f():\n    async for x in y: pass\n",
    "async_with_outside": "def f():\n    async with x: pass\n",
    "async_comprehension_outside": "def f():\n    return [x async for x in y]\n",
    "multiple_starred": "a, *b, *c = d\n",
    "starred_target_alone": "*a = b\n",
    "starred_expression_here": "x = *a\n",
    "too_many_before_star": ", ".join("a%d" % i for i in range(300)) + ", *rest = x\n",
    "global_after_use": "def f():\n    x\n    global x\n",
    "global_after_assign": "def f():\n    x = 1\n    global x\n",
    "global_param": "def f(x):\n    global x\n",
    "nonlocal_param": "def f(x):\n    def g(x):\n        nonlocal x\n",
    "nonlocal_module": "nonlocal x\n",
    "nonlocal_no_binding": "def f():\n    nonlocal x\n",
    "nonlocal_no_binding_class": "class C:\n    nonlocal x\n",
    "nonlocal_and_global": "def f():\n    x = 1\n    def g():\n        global x\n        nonlocal x\n",
    "annotated_global": "def f():\n    global x\n    x: int = 1\n",
    "annotated_then_global": "def f():\n    x: int\n    global x\n",
    "duplicate_argument": "def f(a, b, a): pass\n",
    "duplicate_lambda_argument": "lambda x, *x: 0\n",
    "duplicate_kwarg": "def f(a, *, b, **b): pass\n",
    "walrus_in_comprehension_iterable": "[x for x in (y := [1, 2])]\n",
    "walrus_rebinds_iteration_variable": "[x := 0 for x in y]\n",
    "walrus_in_class_comprehension": "class C:\n    [(z := x) for x in y]\n",
    "walrus_inner_loop_conflict": "[i for i in range(3) if (j := 0) for j in range(2)]\n",
    "import_star_in_function": "def f():\n    from m import *\n",
    "future_late": "x = 1\nfrom __future__ import annotations\n",
    "future_unknown": "from __future__ import nope\n",
    "future_braces": "from __future__ import braces\n",
    "default_except_not_last": "try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass\n",
    "break_in_except_star": "for x in y:\n    try:\n        pass\n    except* E:\n        break\n",
    "return_in_except_star": "def f():\n    try:\n        pass\n    except* E:\n        return\n",
    "keyword_repeated": "f(a=1, b=2, a=3)\n",
    "assign_debug_keyword": "f(__debug__=1)\n",
    "debug_argument": "def f(__debug__): pass\n",
    "match_duplicate_capture": "match x:\n    case [a, a]:\n        pass\n",
    "match_capture_unreachable": "match x:\n    case y:\n        pass\n    case 1:\n        pass\n",
    "match_wildcard_unreachable": "match x:\n    case _:\n        pass\n    case 1:\n        pass\n",
    "match_or_different_names": "match x:\n    case [a] | b:\n        pass\n",
    "match_duplicate_key": "match x:\n    case {'a': 1, 'a': 2}:\n        pass\n",
    "match_repeated_attribute": "match x:\n    case P(a=1, a=2):\n        pass\n",
    "match_two_stars": "match x:\n    case [*a, *b]:\n        pass\n",
    "match_or_capture_unreachable": "match x:\n    case a | 1:\n        pass\n",
    "await_in_lambda_in_async": "async def f():\n    return lambda: await x\n",
    "async_comprehension_module": "[x async for x in y]\n",
    "await_in_comprehension_sync": "def f():\n    return [await x for x in y]\n",
    "yield_in_lambda_default_ok_but_return_at_module": "f = lambda: (yield)\nreturn f\n",
    "nonlocal_at_module_after_use": "x = 1\nnonlocal x\n",
    "break_in_finally_outside_loop": "try:\n    pass\nfinally:\n    break\n",
    "continue_in_class_in_loop": "for x in y:\n    class C:\n        continue\n",
    "multiple_starred_nested": "[a, *b], *c, *d = e\n",
    "future_after_docstring_and_code": '"doc"\nimport os\nfrom __future__ import division\n',
    "future_same_line_after_code": "import os; from __future__ import division\n",
    "global_annotated_module_is_fine_but_nonlocal_not": "def f():\n    nonlocal y\n",
    "utf8_positions": "def f():\n    \u00e9\u00e9 = 1\n    global \u00e9\u00e9\n",
    "nested_error_line": "def f():\n    def g():\n        x = 1\n        return\n    yield\nclass C:\n    def m(self):\n        pass\n    return 3\n",
}

SYMTABLE_CASES = {
    "module_names": "import os\nfrom m import a as b\nx = 1\nprint(x, y)\ndef f(): pass\nclass C: pass\n",
    "function_locals": "def f(a, /, b, *c, d, e=1, **f):\n    g = a\n    return h\n",
    "closure_cells": "def f():\n    x = 1\n    y = 2\n    def g():\n        return x\n    return g\n",
    "nonlocal_global": "def f():\n    x = 1\n    def g():\n        nonlocal x\n        global y\n        x = y = 2\n    return g\n",
    "class_scope": "def f():\n    x = 1\n    class C:\n        x = 2\n        def m(self):\n            return x\n    return C\n",
    "super_class_cell": "class C:\n    def f(self):\n        return super().f()\n    def g(self):\n        return __class__\n",
    "comprehension_scopes": "def f(a):\n    return [x + a for x in a if x], {k: v for k, v in a}, (y for y in a)\n",
    "walrus_scope": "def f(a):\n    [y := x for x in a]\n    return y\n",
    "walrus_module": "[z := x for x in a]\n",
    "mangling": "class A:\n    __x = 1\n    def f(self, __y):\n        return self.__x + __y + __z__\n",
    "lambda_scope": "f = lambda a, b=c: a + b + d\n",
    "nested_free_passthrough": "def a():\n    v = 1\n    def b():\n        def c():\n            return v\n        return c\n    return b\n",
    "global_in_class": "class C:\n    global g\n    g = 1\n    h = g\n",
    "annotations_scope": "x: int = 1\ndef f(a: T) -> R:\n    b: int = 2\n    c: str\n",
    "except_and_with": "def f():\n    try:\n        pass\n    except E as e:\n        pass\n    with m as (p, q):\n        pass\n",
    "imports_in_function": "def f():\n    import a.b\n    from c import d as e\n    return a, e\n",
    "match_capture": "match x:\n    case [a, *b] if a:\n        pass\n    case {'k': c, **d}:\n        pass\n    case P(e, f=g) | P(e, f=g):\n        pass\n    case h as i:\n        pass\n",
    "free_class_name": "def f():\n    x = 1\n    class C:\n        x = 2\n        def g(self):\n            return x\n",
}


def write_listing_cases(path):
    with open(path, "w") as out:
        for name, src in LISTING_CASES.items():
            listing = cpython_dis.listing(compile(src, "<s>", "exec"))
            out.write("@@@ case %s\n%s@@@ expect\n%s@@@ end\n" % (name, src, listing))


def positions(co, out):
    """Each kept instruction's name and full source position (co_positions), recursively."""
    skip = False
    for ins in dis.get_instructions(co):
        if ins.opname in cpython_dis.DROPPED:
            skip = ins.opname == "RETURN_GENERATOR"
            continue
        if skip and ins.opname == "POP_TOP":
            skip = False
            continue
        skip = False
        p = ins.positions
        out.append("%s %d %d %d %d" % (
            cpython_dis.RENAMED.get(ins.opname, ins.opname), p.lineno or 0, p.end_lineno or 0,
            -1 if p.col_offset is None else p.col_offset,
            -1 if p.end_col_offset is None else p.end_col_offset))
    for c in co.co_consts:
        if hasattr(c, "co_code"):
            positions(c, out)


def write_position_cases(path):
    with open(path, "w") as out:
        for name, src in LISTING_CASES.items():
            lines = []
            positions(compile(src, "<s>", "exec"), lines)
            out.write("@@@ case %s\n%s@@@ expect\n%s\n@@@ end\n" % (name, src, "\n".join(lines)))


def write_error_cases(path):
    with open(path, "w") as out:
        for name, src in ERROR_CASES.items():
            try:
                compile(src, "<s>", "exec")
            except SyntaxError as e:
                end_offset = e.end_offset if e.end_offset is not None else -1
                end_lineno = e.end_lineno if e.end_lineno is not None else -1
                out.write("@@@ case %s\n%s@@@ expect\n%s\n%d %d %d %d\n@@@ end\n" % (
                    name, src, e.msg, e.lineno, e.offset, end_lineno, end_offset))
            else:
                raise AssertionError("%s compiled" % name)


SCOPE_NAMES = {symtable.LOCAL: "LOCAL", symtable.GLOBAL_EXPLICIT: "GLOBAL_EXPLICIT",
               symtable.GLOBAL_IMPLICIT: "GLOBAL_IMPLICIT", symtable.FREE: "FREE",
               symtable.CELL: "CELL", 0: "NONE"}
FLAG_LETTERS = [(_symtable.DEF_GLOBAL, "G"), (_symtable.DEF_LOCAL, "L"),
                (_symtable.DEF_PARAM, "P"), (_symtable.DEF_NONLOCAL, "N"), (_symtable.USE, "U"),
                (_symtable.DEF_FREE_CLASS, "C"), (_symtable.DEF_IMPORT, "I"),
                (_symtable.DEF_ANNOT, "A"), (_symtable.DEF_ANNOT << 1, "T")]


def dump_table(table, out):
    out.append("scope %s %s %d" % (table.get_type(), table.get_name(), table.get_lineno()))
    for sym in sorted(table.get_symbols(), key=lambda s: s.get_name()):
        flags = sym._Symbol__flags
        letters = "".join(l for bit, l in FLAG_LETTERS if flags & bit) or "-"
        out.append("  %s %s %s" % (sym.get_name(), SCOPE_NAMES[sym._Symbol__scope], letters))
    for child in table.get_children():
        dump_table(child, out)


def write_symtable_cases(path):
    with open(path, "w") as out:
        for name, src in SYMTABLE_CASES.items():
            lines = []
            dump_table(symtable.symtable(src, "<s>", "exec"), lines)
            out.write("@@@ case %s\n%s@@@ expect\n%s\n@@@ end\n" % (name, src, "\n".join(lines)))


if __name__ == "__main__":
    write_listing_cases(os.path.join(HERE, "listing_cases.txt"))
    write_position_cases(os.path.join(HERE, "position_cases.txt"))
    write_error_cases(os.path.join(HERE, "error_cases.txt"))
    write_symtable_cases(os.path.join(HERE, "symtable_cases.txt"))
