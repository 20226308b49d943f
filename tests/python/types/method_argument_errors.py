# The TypeErrors for wrong argument counts and keywords of the builtin types' methods,
# in CPython's wording: "str.lower() takes no arguments (1 given)" for methods that take
# none or one, "find() takes at most 3 arguments (4 given)" for those parsed from a
# format, "'x' is an invalid keyword argument for split()" for those with keywords.
objs = ['abc', b'abc', bytearray(b'abc'), [1], (1,), {1: 2}, {1}, frozenset({1}), 1, 1.5, 1j,
        range(3), True]
skip = {'maketrans', '__reduce_ex__'}
for o in objs:
    for name in sorted(dir(o)):
        if name in skip:
            continue
        if name.startswith('__') and name not in ('__format__', '__getitem__', '__contains__',
                                                  '__sizeof__', '__getnewargs__', '__reversed__'):
            continue
        m = getattr(o, name)
        if not callable(m):
            continue
        for n in (0, 5):
            try:
                m(*([None] * n))
                r = 'ok'
            except Exception as e:
                r = type(e).__name__ + ': ' + str(e)
            print(type(o).__name__, name, n, r)
        try:
            m(zzz=1)
            r = 'ok'
        except Exception as e:
            r = type(e).__name__ + ': ' + str(e)
        print(type(o).__name__, name, 'kw', r)


class S(str):
    pass


for f in [lambda: str.lower('a', 1), lambda: S('a').lower(1), lambda: str.join('a'),
          lambda: S('a').join(1, 2), lambda: str.lower(a=1), lambda: S('a').lower(a=1),
          lambda: [].sort(1), lambda: [].sort(1, 2, 3), lambda: (1).to_bytes(1, 'big', True),
          lambda: int.from_bytes(b'', 'big', 1, 2, 3), lambda: int.from_bytes(zz=1),
          lambda: int.from_bytes(b'', zz=1), lambda: 'a'.split(zz=1),
          lambda: b'a'.translate(zz=1), lambda: bytearray.fromhex(), lambda: dict.fromkeys(a=1)]:
    try:
        f()
    except TypeError as e:
        print(e)
m = True.bit_length
try:
    m(1)
except TypeError as e:
    print(e)
