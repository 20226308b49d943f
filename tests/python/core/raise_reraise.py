# Bare raise re-raises the exception being handled; outside a handler it is a RuntimeError.
def f():
    try:
        raise ValueError("original")
    except ValueError:
        try:
            raise
        except ValueError as e:
            return repr(e)


print(f())
try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    raise 5
except TypeError as e:
    print(e)
try:
    raise ValueError
except ValueError as e:
    print("class raised:", repr(e))
