# _sha3 (what hashlib.sha3_* and shake_* come from): SHA-3 and SHAKE digests of known
# inputs, long and incremental inputs across block boundaries, copies, SHAKE output
# lengths, the attributes, and the argument errors with CPython's wording.
import _sha3

kinds = [_sha3.sha3_224, _sha3.sha3_256, _sha3.sha3_384, _sha3.sha3_512, _sha3.shake_128,
         _sha3.shake_256]


def out(h, n=32):
    return h.hexdigest(n) if h.digest_size == 0 else h.hexdigest()


for cls in kinds:
    h = cls()
    print(cls, cls.__name__, cls.__module__, h.name, h.digest_size, h.block_size,
          h._capacity_bits, h._rate_bits, h._suffix, type(h) is cls)
    print(out(cls(b"")))
    print(out(cls(b"abc")))
    print(out(cls(b"x" * 1000000)))
    rate = h.block_size
    for n in (rate - 1, rate, rate + 1, 3 * rate + 7):
        print(n, out(cls(b"q" * n)))
    pieces = [b"a" * (rate - 1), b"b", b"", b"c" * 17, b"d" * rate, bytearray(b"tail")]
    h = cls()
    for piece in pieces[:-1]:
        h.update(piece)
    copy = h.copy()
    h.update(pieces[-1])
    whole = b"".join(bytes(p) for p in pieces)
    print(out(h) == out(cls(whole)), out(copy) == out(cls(whole[:-4])), type(copy) is cls)
    odd = cls()
    for i in range(1000):
        odd.update(b"%d," % i)
    print(out(odd))
    print(cls(usedforsecurity=False).name, cls(b"data", usedforsecurity=True).name)

# SHAKE output lengths: prefixes of one stream, across the rate.
for cls in kinds[4:]:
    h = cls(b"stream")
    print(h.digest(0), h.hexdigest(0), h.digest(1), h.hexdigest(7))
    long = h.digest(1000)
    print(long.hex()[-40:], all(long[:n] == h.digest(n) for n in (1, 167, 168, 169, 500)))
    print(h.hexdigest(True), len(h.digest(100000)))
    print(h.digest(300).hex() == h.hexdigest(300))
print(_sha3.sha3_256(b"abc").digest())


def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


shake = _sha3.shake_128()
for f in [
    lambda: shake.digest(), lambda: shake.hexdigest(), lambda: shake.digest(-1),
    lambda: shake.digest(2**29), lambda: shake.hexdigest(2**31), lambda: shake.digest(2**64),
    lambda: shake.digest(1.0), lambda: shake.digest(None), lambda: shake.digest(length=3),
    lambda: shake.hexdigest(length=3), lambda: shake.digest(1, 2),
    lambda: _sha3.sha3_256().digest(3), lambda: _sha3.sha3_512().hexdigest(3),
    lambda: _sha3.sha3_256(b"a", b"b"), lambda: _sha3.shake_256(b"a", b"b"),
    lambda: _sha3.sha3_256(data=b"a"), lambda: _sha3.sha3_384(string=b"a"),
    lambda: _sha3.shake_128(foo=1), lambda: _sha3.sha3_256("x"), lambda: _sha3.sha3_256(5),
    lambda: _sha3.sha3_224(None), lambda: _sha3.sha3_256().update("x"),
    lambda: _sha3.sha3_256().update(), lambda: _sha3.sha3_256().copy(1),
    lambda: type("X", (_sha3.sha3_224,), {}),
]:
    attempt(f)
