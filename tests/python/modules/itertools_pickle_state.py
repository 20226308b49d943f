# itertools objects pickle, copy and deepcopy with their state mid-iteration, as in
# CPython 3.11; groupby's groups share its iterator; the combinatoric classes are lazy.
import copy
import itertools
import operator
import pickle
from itertools import islice


def show(v):
    # groupby yields (key, group): show the group's items
    if isinstance(v, tuple) and len(v) == 2 and type(v[1]).__name__ == "_grouper":
        return (v[0], list(v[1]))
    return v


def check(name, make, advance=1):
    outs = set()
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        it = make()
        for _ in range(advance):
            next(it)
        again = pickle.loads(pickle.dumps(it, proto))
        outs.add(repr([show(v) for v in islice(again, 8)]))
    for fn in (copy.copy, copy.deepcopy):
        it = make()
        for _ in range(advance):
            next(it)
        outs.add(repr([show(v) for v in islice(fn(it), 8)]))
    print(name, outs)


check("count", lambda: itertools.count(5))
check("count float step", lambda: itertools.count(5.5, 0.5))
check("count big", lambda: itertools.count(2**70, 3))
check("repeat", lambda: itertools.repeat("x", 4))
check("cycle", lambda: itertools.cycle("abc"), 4)
check("cycle first pass", lambda: itertools.cycle("abc"), 1)
check("islice", lambda: itertools.islice(range(20), 2, 15, 3))
check("chain", lambda: itertools.chain("ab", "cd"), 3)
check("chain.from_iterable", lambda: itertools.chain.from_iterable(["ab", "cd"]), 1)
check("accumulate", lambda: itertools.accumulate([1, 2, 3, 4]))
check("accumulate initial", lambda: itertools.accumulate([1, 2, 3], initial=10), 1)
def second(a, b):
    return b


check("accumulate none total", lambda: itertools.accumulate([None, 1, 2], second))
check("groupby", lambda: itertools.groupby("aabbbcd"))
check("zip_longest", lambda: itertools.zip_longest("abc", "d", fillvalue="-"), 1)
check("product", lambda: itertools.product("ab", range(3)), 2)
check("product repeat", lambda: itertools.product("ab", repeat=3), 3)
check("permutations", lambda: itertools.permutations("abcd", 2), 3)
check("combinations", lambda: itertools.combinations("abcde", 3), 2)
check("cwr", lambda: itertools.combinations_with_replacement("abc", 2), 2)
check("compress", lambda: itertools.compress("abcdef", [1, 0, 1, 1, 0, 1]))
check("filterfalse", lambda: itertools.filterfalse(None, [0, 1, 0, 2, 3]))
check("starmap", lambda: itertools.starmap(operator.pow, [(2, 3), (3, 2), (4, 1)]))
check("takewhile", lambda: itertools.takewhile(operator.not_, [0, 0, 1, 0]))
check("dropwhile", lambda: itertools.dropwhile(operator.not_, [0, 0, 1, 0]))
check("tee", lambda: itertools.tee(range(6))[0], 2)

# What __reduce__ gives, as CPython's
c = itertools.count(5)
next(c)
print(c.__reduce__())
print(itertools.count(1.5, 2).__reduce__())
print(itertools.repeat(1, 3).__reduce__(), itertools.repeat(1).__reduce__())
p = itertools.product("ab", "cd")
print(p.__reduce__())
next(p)
next(p)
print(p.__reduce__())
cm = itertools.combinations(range(4), 2)
print(cm.__reduce__())
next(cm)
print(cm.__reduce__())
list(cm)
print(cm.__reduce__())
pm = itertools.permutations(range(3))
next(pm)
next(pm)
print(pm.__reduce__())
g = itertools.takewhile(bool, [1, 0])
list(g)
print(g.__reduce__()[2])

# The second mode of cycle's state: the saved items hold all of the iterator's.
c = itertools.cycle("defg")
c.__setstate__((list("abc"), 0))
print("".join(islice(c, 14)))
c = itertools.cycle("defg")
c.__setstate__((list("abcdefg"), 1))
print("".join(islice(c, 14)))
for bad in ([list("ab"), 0], (tuple("ab"), 0), (list("ab"), "x"), (), ([],)):
    try:
        itertools.cycle("").__setstate__(bad)
    except TypeError:
        print("TypeError", bad)

# setstate clamps indices
p = itertools.product("ab", "cd")
p.__setstate__((5, -3))
print(list(p))
try:
    itertools.product("ab").__setstate__((1, 2))
except ValueError as e:
    print("ValueError", e)

# groupby's groups read the shared iterator: an earlier group is empty once the groupby
# moves on, and an endless group needs no memory
g = itertools.groupby("aaabbc")
_, first = next(g)
_, second = next(g)
print(list(first), list(second))
g = itertools.groupby(itertools.repeat(1))
key, group = next(g)
print(key, list(islice(group, 3)))

# the combinatoric classes are lazy: a huge product starts at once
big = itertools.product(range(1000), repeat=10)
print(next(big)[:3], next(big)[-2:])
print(next(itertools.permutations(range(100))) [:4])

# tee of a tee copies it; tee objects take weak references and pickle together
import weakref
a, b = itertools.tee("abcdef")
next(a)
c, d = itertools.tee(a)
print(c is a, list(d), list(b))
print(weakref.ref(a)() is a)
a, b = itertools.tee(iter(range(5)))
next(a)
a2, b2 = pickle.loads(pickle.dumps((a, b)))
print(list(a2), list(b2))

# subclass keyword rules: refused unless the subclass takes them in __init__
class C(itertools.chain):
    def __init__(self, *args, tag=None):
        self.tag = tag


print(list(C("ab", "c", tag=1)), C("a", tag=2).tag)


class D(itertools.chain):
    pass


try:
    D("ab", tag=1)
except TypeError as e:
    print("TypeError", e)
for bad in ("itertools.repeat(None, 3, 4)", "itertools.combinations('abc', 2, 1)",
            "itertools.accumulate(range(3), None, 6)", "itertools.groupby('a', None, 1)"):
    try:
        eval(bad)
    except TypeError as e:
        print("TypeError", e)
print(len(list(islice(itertools.count(), 1, 10, 2**63 - 1))))
