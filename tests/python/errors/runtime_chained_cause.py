# raise ... from e prints the cause first with "The above exception was the direct cause...".
def load():
    try:
        {}["config"]
    except KeyError as e:
        raise LookupError("no configuration") from e


load()
