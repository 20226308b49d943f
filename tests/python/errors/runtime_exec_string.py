# A traceback through code run by exec() shows the <string> frame.
source = "a = 1\nb = 0\nc = a / b\n"
exec(source)
