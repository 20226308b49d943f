# -*- coding: cp1252 -*-
# A source file in cp1252, an encoding that only the codec registry knows: its bytes decode through it, and compile() of bytes in iso8859-7 and of a str with a stale declaration
print("€ é", len("€é"))
src = b"# -*- coding: iso8859-7 -*-\nx = \"\xe1\xe2\"\nprint(x, len(x))\n"
exec(compile(src, "<iso>", "exec"))
exec(compile("# coding: latin-1\nx = \"\u00e9\"\nprint(len(x))\n", "<str>", "exec"))
for bad in [b"\xef\xbb\xbf# coding: utf8\nx = 1\n", b"# coding: cp9999\nx = 1\n", b"# coding: iso8859-7\n\xe1 = 0xI"]:
    try:
        compile(bad, "<bad>", "exec")
    except SyntaxError as e:
        print(e.args)
