# Helper module with a __main__ guard: prints differently when imported or run.
def who():
    return __name__


if __name__ == "__main__":
    print("mainguard run as main")
else:
    print("mainguard imported as", __name__)
