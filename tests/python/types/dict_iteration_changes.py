# Dict iterators: length hints count the items still to come, a key deleted and added again during iteration is 'dictionary keys changed during iteration', and keys/values/items/copy/clear take no arguments
import operator
d = {1: 2, 3: 4, 5: 6}
for view in (d, d.values(), d.items()):
    it = iter(view)
    hints = [operator.length_hint(it)]
    for _ in it:
        hints.append(operator.length_hint(it))
    print(type(it).__name__, hints)
it = iter(d); next(it); d[7] = 8
try:
    next(it)
except RuntimeError as e:
    print(e, operator.length_hint(it))
for make in (lambda d: d, lambda d: d.items(), lambda d: d.values()):
    d = {0: 0}
    try:
        for _ in make(d):
            del d[0]
            d[0] = 0
    except RuntimeError as e:
        print(e)
for m in ("keys", "values", "items", "copy", "clear"):
    try:
        getattr({}, m)(1)
    except TypeError as e:
        print(e)
