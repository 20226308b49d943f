# Implicit chaining: an exception raised while handling another gets __context__; __cause__ stays None.
try:
    try:
        {}["missing"]
    except KeyError:
        raise ValueError("while handling")
except ValueError as e:
    print(repr(e), repr(e.__context__), e.__cause__, e.__suppress_context__)

try:
    try:
        raise OSError("first")
    finally:
        x = 1
except OSError as e:
    print(repr(e), e.__context__)
