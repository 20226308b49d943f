# sys.__excepthook__ writes to sys.stderr (a StringIO here): "Did you mean" for NameError and AttributeError (name and obj set by getattr and object.__getattribute__ too), and a SyntaxError's carets as 3.11's C printer draws them
import io, sys

def report(exc):
    try:
        raise exc
    except BaseException:
        saved, sys.stderr = sys.stderr, io.StringIO()
        try:
            sys.__excepthook__(*sys.exc_info())
        finally:
            text, sys.stderr = sys.stderr.getvalue(), saved
    lines = text.splitlines()
    if isinstance(exc, SyntaxError):  # from its own location (no path of this file)
        starts = [i for i, l in enumerate(lines) if l.startswith('  File "') and '/' not in l]
        lines = lines[starts[-1]:] if starts else lines[-1:]
    else:
        lines = lines[-1:]
    print("\n".join(lines))

class A:
    blech = 1
for make in [lambda: bluch, lambda: A().bluch, lambda: getattr(A(), "bluch"),
             lambda: object.__getattribute__(A(), "bluch"), lambda: ZeroDivisionErrr]:
    try:
        make()
    except (NameError, AttributeError) as e:
        print(type(e).__name__, getattr(e, "name", None), type(getattr(e, "obj", None)).__name__)
        report(e)
for args in [("bad.py", 1, 2, "abcdefg", 1, 7), ("bad.py", 1, 2, "abcdefg", 1, -2),
             ("bad.py", 1, 4, "abcdefg", 1, 2), ("bad.py", 1, -4, "abcdefg", 1, -2),
             ("bad.py", 1, 2, "abcdefg", 1, 100), ("bad.py", 1, 2, "  \tab\ncd\n", 2, 3),
             ("bad.py", None, 2, "abc", 1, 3)]:
    report(SyntaxError("bad bad", args))
report(IndentationError("m", ("f", 1, 2, "abcdef", 1, 5)))
for src in ["f(a for a in b, c)", "x = (\n1 for x in y, 2)"]:
    try:
        compile(src, "z.py", "exec")
    except SyntaxError as e:
        report(e)
