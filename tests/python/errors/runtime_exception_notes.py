# Notes added with add_note are printed after the exception line.
def check(x):
    if x < 0:
        e = ValueError(f"negative: {x}")
        e.add_note("values must be >= 0")
        e.add_note("second note")
        raise e


check(-1)
