# Source with CRLF line endings parses like LF (the file itself is written with \r\n by exec here).
src = "x = 1\r\nif x:\r\n    y = 'crlf'\r\nprint(y)\r\n"
exec(src)
exec(compile("a = 2\rprint(a * 2)\r", "<cr>", "exec"))
print(repr(eval("'''a\r\nb'''")))
