# A coroutine that is dropped without being awaited gives CPython's RuntimeWarning (with
# the tracemalloc hint) by gc.collect() at the latest; the warnings filters and
# catch_warnings see it, with the coroutine as the warning's source.
import gc
import warnings


async def fetch():
    pass


async def store():
    pass


fetch(); gc.collect()
print("after the first collection")

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    store(); gc.collect()
for w in caught:
    print(w.category.__name__, w.message, type(w.source).__name__, w.lineno)

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    fetch(); gc.collect()
print("nothing from the ignored one")
