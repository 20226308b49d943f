# The name bound by "except ... as e" is deleted at the end of the handler.
e = "before"
try:
    1 / 0
except ZeroDivisionError as e:
    print(type(e).__name__, e.args)
try:
    print(e)
except NameError as err:
    print("NameError:", err)
try:
    raise TypeError("t")
except (ValueError, TypeError) as err2:
    print("tuple of types caught", repr(err2))
