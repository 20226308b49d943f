# iter(callable, sentinel) pickles as CPython's (and has no __length_hint__); a dict view's
# .mapping is a read-only proxy of its dict.
it = iter(iter([1, 2, 0, 3]).__next__, 0)
print(next(it), it.__reduce__()[0], list(pickle.loads(pickle.dumps(it))), list(it))
print(it.__reduce__(), hasattr(it, '__length_hint__'))
d = {'a': 1}
for view in (d.keys(), d.values(), d.items()):
    m = view.mapping
    print(type(m).__name__, m == d, m['a'])
    try:
        m['b'] = 2
    except TypeError as e:
        print('TypeError:', e)
