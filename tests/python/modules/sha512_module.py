# _sha512 (what random.py uses for str seeds): SHA-512 and SHA-384 digests of known
# inputs, incremental updates across block boundaries, copies, and the attributes.
import _sha512

print(_sha512.sha512(b"").hexdigest())
print(_sha512.sha512(b"abc").hexdigest())
print(_sha512.sha384(b"abc").hexdigest())
h = _sha512.sha512()
for piece in [b"a" * 111, b"b", b"c" * 17, b"d" * 128, b""]:
    h.update(piece)
copy = h.copy()
h.update(bytearray(b"tail"))
print(h.hexdigest() == _sha512.sha512(b"a" * 111 + b"b" + b"c" * 17 + b"d" * 128 + b"tail").hexdigest())
print(copy.digest() == _sha512.sha512(b"a" * 111 + b"b" + b"c" * 17 + b"d" * 128).digest())
print(h.name, h.digest_size, h.block_size, _sha512.sha384().name, _sha512.sha384().digest_size)
print(len(_sha512.sha512(b"x" * 1000).digest()), _sha512.sha512(string=b"abc").hexdigest()[:16])
for bad in [lambda: h.update("text"), lambda: h.update(5), lambda: _sha512.sha512(1)]:
    try:
        print(bad())
    except TypeError as e:
        print("TypeError", e)
