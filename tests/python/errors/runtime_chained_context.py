# An exception raised while handling another prints both, joined by "During handling...".
def parse(s):
    try:
        return int(s)
    except ValueError:
        raise RuntimeError("could not parse")


parse("abc")
