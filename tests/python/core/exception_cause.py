# Explicit chaining with "raise ... from": __cause__ is set and __suppress_context__ becomes True;
# "from None" suppresses the context.
def convert(s):
    try:
        return int(s)
    except ValueError as e:
        raise TypeError(f"bad input {s!r}") from e


try:
    convert("x")
except TypeError as e:
    print(e, "|", type(e.__cause__).__name__, "|", e.__suppress_context__, e.__context__ is e.__cause__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise KeyError("k") from None
except KeyError as e:
    print(repr(e), e.__cause__, e.__suppress_context__, type(e.__context__).__name__)

try:
    raise ValueError("v") from 5
except TypeError as e:
    print(e)
