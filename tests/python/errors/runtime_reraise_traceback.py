# A bare raise keeps the original traceback and adds the re-raising frame.
def origin():
    raise KeyError("orig")


def middle():
    try:
        origin()
    except KeyError:
        print("logging and re-raising")
        raise


middle()
