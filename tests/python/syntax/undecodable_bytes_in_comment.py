# compile() of bytes with no coding declaration (what an import does) accepts bytes that are not UTF-8 inside comments, as 3.11 decodes only what it must; elsewhere they are an error
for src in [b"# caf\xe9\nx = 1\nprint(x)\n", b"x = 2 # \x89 \xff\nprint(x)\n", b"s = '#'  # \xe9\nprint(s)\n",
            b"\x89 = 1\n"]:
    try:
        exec(compile(src, "<bytes>", "exec"))
    except SyntaxError as e:
        print(type(e).__name__, e.msg[:40], e.lineno)
