# frozensets as dict keys and set elements; equality with sets of the same content.
graph = {frozenset({1, 2}): "edge a", frozenset({2, 3}): "edge b"}
print(graph[frozenset({2, 1})], frozenset({3, 2}) in graph, {1, 2} == frozenset({1, 2}))
sets = {frozenset(), frozenset([1]), frozenset([1])}
print(len(sets), sorted(len(s) for s in sets))
print(sorted(frozenset([3, 1, 2])), frozenset([1, 2]) <= frozenset([1, 2, 3]), frozenset("ab") == frozenset("ba"))
