# A control character outside a string is a SyntaxError naming it (CPython's "invalid non-printable character U+XXXX"), with its line and column
for source in ["x = 1\x03", "a\x7fb = 2", "x = \x01", "if 1:\n\x02pass", "'ok' \x1b", "s = '\x03 inside a string is fine'"]:
    try:
        compile(source, "<source>", "exec")
        print("compiles:", repr(source))
    except SyntaxError as e:
        print(repr(source), "->", e.msg, e.lineno, e.offset)
