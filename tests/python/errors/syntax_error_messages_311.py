# The specific messages of 3.11's invalid_* rules, with their positions, where a plain "invalid syntax" would be less helpful
cases = [
    "f(x for x in L,)", "f(x for x in L, 1)", "class C(x for x in L):\n pass",
    "f(**a, *b)", "del *x", "del (*x,)", "[x, y for x, y in z]", "{x, for x in z}",
    "{1:2, 3:4, 5}", "{1:2, 3:4, 5:}", "{1: *12+1}", "{1:}", "{**{} for a in [1]}",
    "def foo(/,a,b=,c):\n pass", "def foo(a=1,/*,b,c):\n pass", "def foo(a,d=,c):\n pass",
    "lambda a,d=,c: None", "def f(x, (y, z), w):\n pass", "lambda (x, y): None",
    "with (blech as something)\n  pass", "try:\n  pass\nexcept\n  pass",
    "try:\n  pass\nexcept*\n  pass", "match x\n  case list():\n    pass",
    "match x:\n  case 42 as 1+2+4:\n    pass", "(**a)", "(*a)", 'f"{**a}"',
    "dict(a = i for i in range(10))", "(**a", "f{a + b + c}", "[a b]",
    "def f():\n  x, y: int", "for 1 in []: pass", "print 'x'",
]
for src in cases:
    try:
        compile(src, "<case>", "exec")
        print(repr(src), "compiled")
    except SyntaxError as e:
        print(repr(src), e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
match = lambda x: x  # `match(...)` with no colon is still a call
print(match(1))
