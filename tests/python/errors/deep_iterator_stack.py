# Iterators stacked 20000 deep (map over map over ..., zip, filter, itertools.chain, enumerate) either give their items or raise RecursionError once the native stack runs low; they used to overflow it (SIGSEGV)
import itertools

def stacked(wrap, depth=20000):
    it = iter([1, -2])
    for i in range(depth):
        it = wrap(it)
    return it

kinds = {
    "map": lambda it: map(abs, it),
    "zip": lambda it: zip(it),
    "filter": lambda it: filter(None, it),
    "chain": lambda it: itertools.chain(it),
    "enumerate": lambda it: (pair[1] if isinstance(pair, tuple) else pair for pair in enumerate(it)),
}
for name, wrap in kinds.items():
    # CPython 3.11 gives the items at this depth; this interpreter's levels take more stack,
    # so RecursionError is an equally good outcome: what matters is a Python-level one
    # (map, whose items stay flat, is also checked for them).
    try:
        outcome = "ok" if list(stacked(wrap)) == [1, 2] or name != "map" else "wrong items"
    except RecursionError:
        outcome = "ok"
    print(name, outcome)
print("still running")
