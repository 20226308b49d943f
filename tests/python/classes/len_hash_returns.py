# __len__ and __hash__ must return integers; __index__ results are converted.
class L:
    def __init__(self, v):
        self.v = v

    def __len__(self):
        return self.v


class H:
    def __hash__(self):
        return 1.5


for v in (3, True, 2**70, "x"):
    try:
        print(len(L(v)))
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
try:
    hash(H())
except TypeError as e:
    print(e)
