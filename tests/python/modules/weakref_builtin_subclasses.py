# Which instances take weak references: subclasses of the fixed-size builtins (float,
# complex, str, bytearray, the containers) do; those of int, bytes and tuple do not.
import weakref, collections, array
res = []
for base in (int, float, complex, str, bytes, bytearray, tuple, list, dict, set, frozenset, object, Exception, type, range if False else object, collections.deque, collections.OrderedDict, array.array, memoryview if False else object):
    try:
        class S(base): pass
        if base is array.array: o = S('i')
        elif base is type: o = S('X', (), {})
        else: o = S()
        weakref.ref(o); res.append((base.__name__, True))
    except TypeError as e: res.append((base.__name__, str(e)[:40]))
print(res)
