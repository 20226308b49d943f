# The builtin classes have docstrings, headed by the calls that make an instance; a
# subclass has its own __doc__; type names and docstrings refuse lone surrogates.
for t in (int, bool, str, bytes, bytearray, dict, set, frozenset, range, slice, super, map,
          zip, filter, classmethod, staticmethod):
    print(t.__name__, t.__doc__.startswith(t.__name__ + "("))
for t in (float, complex, tuple, list, memoryview, enumerate, reversed):
    print(t.__name__, type(t.__doc__).__name__, t.__text_signature__)


class MyInt(int):
    pass


print(MyInt.__doc__)


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


show(lambda: type('A\udcdcB', (), {}))
show(lambda: type('A\x00B', (), {}))
show(lambda: type('A', (), {'__doc__': 'x\udcdcy'}))
for doc in 'x', '\xc4', '\U0001f40d', 'x\x00y', b'x', 42, None:
    print(repr(type('A', (), {'__doc__': doc}).__doc__))
C = type('C', (), {})
show(lambda: setattr(C, '__name__', 'A\udcdcB'))
show(lambda: setattr(C, '__name__', 'A\x00B'))
C.__doc__ = 'x\udcdcy'
print(C.__name__, repr(C.__doc__))
