# Warnings of the front end, as 3.11 issues them (category, message, line), and the SyntaxError each becomes when the warnings filter makes it an error
import warnings

cases = ["x is 1", "x is not 'a'", "x is None", "x is ()", "x is -1", "if x is 1: pass",
         "assert(x, 'msg')", "[(1, 2) (3, 4)]", "[1 (2)]", "[[1] ['a']]", "[{1} [0]]",
         "['a' [1]]", "[f'x' ()]", "1if x else y", "0xfor x", "[0xffor x in ()]",
         "y = '\\d'", "y = b'\\q'", "y = '\\777'", "y = f'\\{6*7}'", "x = 1\ny = 2 is 3"]
for src in cases:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        compile(src, "<w>", "exec")
    print(repr(src), [(w.category.__name__, str(w.message), w.lineno) for w in caught])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            compile(src, "<w>", "exec")
        except SyntaxError as e:
            print("    error:", e.args)
print(eval(r"f'\{6*7}'"), eval(r"'\d'"))
