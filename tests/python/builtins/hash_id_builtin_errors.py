# Argument-count errors of common builtins use their CPython wording.
calls = [lambda: len(), lambda: len(1, 2), lambda: abs(), lambda: isinstance(1), lambda: getattr(1),
         lambda: divmod(1), lambda: chr(), lambda: ord(), lambda: hash(), lambda: iter(), lambda: next()]
for c in calls:
    try:
        c()
    except TypeError as e:
        print(e)
