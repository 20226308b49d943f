# _blake2 (what hashlib.blake2b and blake2s come from): digests of known inputs, long and
# incremental inputs across block boundaries, copies, keys, salts, personalization, the
# tree parameters, non-default digest sizes, the attributes and constants, and the
# argument errors with CPython's wording.
import _blake2

B, S = _blake2.blake2b, _blake2.blake2s
for cls in (B, S):
    print(cls, cls.__name__, cls.__module__, cls.SALT_SIZE, cls.PERSON_SIZE, cls.MAX_KEY_SIZE,
          cls.MAX_DIGEST_SIZE)
    print(cls(b"").hexdigest())
    print(cls(b"abc").hexdigest())
    print(cls(b"The quick brown fox jumps over the lazy dog").digest())
    print(cls(bytearray(b"x") * 1000000).hexdigest())
    block = cls().block_size
    # Exactly one block, one block and a byte, many blocks.
    for n in (block - 1, block, block + 1, 3 * block):
        print(n, cls(b"q" * n).hexdigest())
    pieces = [b"a" * (block - 1), b"b", b"", b"c" * 17, b"d" * block, memoryview(b"tail")]
    h = cls()
    for piece in pieces[:-1]:
        h.update(piece)
    copy = h.copy()
    h.update(pieces[-1])
    whole = b"".join(bytes(p) for p in pieces)
    print(h.hexdigest() == cls(whole).hexdigest(), copy.digest() == cls(whole[:-4]).digest())
    print(type(copy) is cls, copy.name, copy.digest_size, copy.block_size)
    print(h.digest() == h.digest(), h.hexdigest() == h.digest().hex())
    big = cls()
    for i in range(1000):
        big.update(b"%d," % i)
    print(big.hexdigest())
    print(cls(usedforsecurity=False).name)

print([k for k in dir(_blake2) if k.isupper()])
for k in sorted(k for k in dir(_blake2) if k.isupper()):
    print(k, getattr(_blake2, k))

# Keys, salts, personalization and digest sizes.
print(B(key=b"").hexdigest() == B().hexdigest())
print(B(key=b"k").hexdigest())
print(B(b"message", key=b"secret key").hexdigest())
print(S(b"message", key=b"secret key").hexdigest())
print(B(b"x" * 200, key=b"K" * 64, salt=b"s" * 16, person=b"p" * 16, digest_size=33).hexdigest())
print(S(b"x" * 200, key=b"K" * 32, salt=b"s" * 8, person=b"p" * 8, digest_size=17).hexdigest())
print(B(b"abc", salt=b"salt").hexdigest(), B(b"abc", person=b"me").hexdigest())
print(S(b"abc", salt=bytearray(b"salt"), person=memoryview(b"me")).hexdigest())
for size in (1, 16, 20, 32, 63, 64):
    h = B(b"abc", digest_size=size)
    print(size, h.digest_size, h.hexdigest())
for size in (1, 16, 20, 31, 32):
    h = S(b"abc", digest_size=size)
    print(size, h.digest_size, h.hexdigest())
print(B(b"abc", digest_size=True).hexdigest())

# Tree hashing parameters.
print(B(b"leaf", fanout=2, depth=2, leaf_size=4096, node_offset=0, node_depth=0,
        inner_size=64).hexdigest())
print(B(b"leaf", fanout=2, depth=2, leaf_size=4096, node_offset=1, node_depth=0,
        inner_size=64, last_node=True).hexdigest())
print(B(b"", fanout=0, depth=255, leaf_size=2**32 - 1, node_offset=2**64 - 1, node_depth=255,
        inner_size=64, last_node=True).hexdigest())
print(S(b"", fanout=0, depth=255, leaf_size=2**32 - 1, node_offset=2**48 - 1, node_depth=255,
        inner_size=32, last_node=True).hexdigest())
print(S(b"root", fanout=2, depth=2, node_depth=1, inner_size=32, last_node=1).hexdigest())


class Index:
    def __index__(self):
        return 5


print(B(digest_size=Index()).digest_size)


def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


for f in [
    lambda: B(digest_size=0), lambda: B(digest_size=65), lambda: S(digest_size=33),
    lambda: B(digest_size=-1), lambda: B(digest_size=2**70), lambda: B(digest_size=1.5),
    lambda: B(digest_size="a"), lambda: B(key=b"x" * 65), lambda: S(key=b"x" * 33),
    lambda: B(salt=b"x" * 17), lambda: S(salt=b"x" * 9), lambda: B(person=b"x" * 17),
    lambda: S(person=b"x" * 9), lambda: B(key="abc"), lambda: B(salt=5), lambda: B(key=None),
    lambda: B(fanout=-1), lambda: B(fanout=256), lambda: B(depth=0), lambda: B(depth=256),
    lambda: B(leaf_size=-1), lambda: B(leaf_size=2**32), lambda: B(leaf_size=2**64),
    lambda: B(leaf_size=1.0), lambda: B(leaf_size=Index()), lambda: B(node_offset=-1),
    lambda: S(node_offset=2**48), lambda: B(node_offset=2**64), lambda: B(node_offset="x"),
    lambda: B(node_depth=-1), lambda: B(node_depth=256), lambda: B(inner_size=-1),
    lambda: B(inner_size=65), lambda: S(inner_size=33), lambda: B(b"a", b"b"),
    lambda: B(data=b"a"), lambda: B(string=b"a"), lambda: S(foo=1), lambda: B("abc"),
    lambda: B(5), lambda: B(None), lambda: B().update("x"), lambda: B().update(5),
    lambda: B().update(), lambda: S().update(b"a", b"b"), lambda: B().digest(1),
    lambda: S().hexdigest(1), lambda: B().copy(1), lambda: type("X", (B,), {}),
]:
    attempt(f)
