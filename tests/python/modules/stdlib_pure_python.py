# Pure-Python standard library modules import and work: collections, itertools, functools, json, re.
import collections
import functools
import itertools
import json
import re

print(collections.Counter("abracadabra").most_common(2), collections.deque([1, 2, 3], maxlen=2))
od = collections.OrderedDict(a=1, b=2)
od.move_to_end("a")
print(list(od), collections.defaultdict(list)["x"], collections.ChainMap({"a": 1}, {"a": 2, "b": 3})["b"])
print(list(itertools.accumulate([1, 2, 3])), list(itertools.product("ab", repeat=2)), list(itertools.islice(itertools.count(5), 3)))
print(list(itertools.permutations([1, 2, 3], 2))[:3], list(itertools.groupby("aabbbc"))[1][0], list(itertools.chain([1], (2,))))
print(functools.reduce(lambda a, b: a * b, range(1, 6)), functools.partial(int, base=2)("101"))
print(json.dumps({"b": [1, 2.5, None, True], "a": "é"}, sort_keys=True), json.loads('{"x": [1, {"y": null}]}'))
print(re.findall(r"\d+", "a1b22c333"), re.sub(r"(\w)(\w*)", lambda m: m[2] + m[1], "hello world"), re.match(r"(?P<w>\w+)", "hi there")["w"])
