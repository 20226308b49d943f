# The SyntaxErrors for assignments to a yield or a named expression: a parenthesized one
# reads as any other expression ("... here. Maybe you meant '=='"), a bare yield has its
# own wording.
srcs = ["(yield bar) = y", "(yield from x) = 1", "((yield)) = 1", "(x := 1) = 2",
        "a = (yield) = 1", "(yield) = a = 1", "x = yield = 1", "(x:=1) = a = 2",
        "a = (x := 1) = 2", "f() = a = 1", "(f()) = 1", "f() = 1", "(yield)[0] = 1"]
for s in srcs:
    try:
        compile("def g():\n " + s, "<s>", "exec")
        print(repr(s), "ok")
    except SyntaxError as e:
        print(repr(s), e.msg, e.offset)
