# Using an object without the context-manager protocol in with raises TypeError.
class OnlyEnter:
    def __enter__(self):
        return 1


for obj in (5, OnlyEnter()):
    try:
        with obj:
            pass
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
