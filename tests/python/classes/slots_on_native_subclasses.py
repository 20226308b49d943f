# Subclasses of native types with __slots__: the slots come after the type's own words
# (they overwrote them: a BytesIO subclass lost its class, a deque its items).
import io, random, struct, pickle, json, csv
def probe(base, *args):
    class S(base):
        __slots__ = ('a', 'b', 'c', 'd', 'e', 'f')
    try:
        s = S(*args)
        for n in 'abcdef':
            setattr(s, n, 12345)
        return s
    except Exception as e:
        print(base.__name__, 'ERR', type(e).__name__, e)
s = probe(random.Random, 5); print('Random', s.random() < 1)
s = probe(io.BytesIO, b'abc'); print('BytesIO', s.read())
s = probe(io.StringIO, 'abc'); print('StringIO', s.read())
s = probe(struct.Struct, 'i'); print('Struct', s.size, s.format)
s = probe(pickle.Pickler, io.BytesIO()); s.dump(1); print('Pickler ok')
s = probe(json.JSONDecoder); print('JSONDecoder', s.decode('[1]'))
import itertools, mmap, collections, bz2
s = probe(itertools.count, 5); print('count', next(s), next(s))
s = probe(csv.Dialect) if False else None
s = probe(collections.defaultdict, list); s['k'].append(1); print('defaultdict', dict(s), s.default_factory)
try:
    class B(bz2.BZ2Compressor): pass
except TypeError as e:
    print(e)
s = probe(collections.deque, [1]); s.append(2); print('deque', list(s))
s = probe(io.BufferedReader, io.BytesIO(b'xyz')); print('BufferedReader', s.read())
s = probe(pickle.Unpickler, io.BytesIO(pickle.dumps([1]))); print('Unpickler', s.load())
print([getattr(s, n) for n in 'abcdef'])
