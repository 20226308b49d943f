# An exception in finally replaces the one in flight, which becomes its context.
try:
    raise ValueError("first")
finally:
    raise TypeError("second")
