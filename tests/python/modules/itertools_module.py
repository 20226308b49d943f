# itertools: the infinite, terminating and combinatoric iterators.
import itertools as it

print(list(it.islice(it.count(5, 2), 3)), it.count(3), it.count(1, 0.5), it.repeat("x", 2))
print(list(it.repeat(7, 3)), list(it.chain([1], (2, 3))), list(it.chain.from_iterable(["ab", "c"])))
print(list(it.islice("abcdefg", 2)), list(it.islice("abcdefg", 1, None, 2)), list(it.islice("abcdefg", 2, 4)))
print(list(it.product("ab", repeat=2)), list(it.product([1, 2], "xy")), list(it.product()))
print(list(it.permutations(range(3), 2)), len(list(it.permutations("abcd"))))
print(list(it.combinations("abcd", 2)), list(it.combinations_with_replacement("ab", 2)), list(it.combinations("ab", 3)))
print([(k, list(g)) for k, g in it.groupby("aabbbc")], [(k, len(list(g))) for k, g in it.groupby([1, 3, 2, 4], key=lambda x: x % 2)])
print(list(it.accumulate([1, 2, 3, 4])), list(it.accumulate([1, 2, 3], lambda a, b: a * b)), list(it.accumulate([1, 2], initial=10)))
print(list(it.zip_longest("abc", "d", fillvalue="-")), list(it.zip_longest()))
a, b = it.tee(iter([1, 2, 3]))
print(next(a), list(b), list(a))
print(list(it.starmap(pow, [(2, 3), (3, 2)])), list(it.takewhile(lambda x: x < 3, [1, 2, 5, 1])))
print(list(it.dropwhile(lambda x: x < 3, [1, 2, 5, 1])), list(it.filterfalse(None, [0, 1, "", "a"])))
print(list(it.pairwise("abcd")), list(it.compress("abcdef", [1, 0, 1, 0, 1])), list(it.islice(it.cycle("ab"), 5)))
try:
    it.islice("abc", -1)
except ValueError as e:
    print(e)
