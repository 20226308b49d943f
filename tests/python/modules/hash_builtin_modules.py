# _md5, _sha1 and _sha256 (hashlib's fallbacks without OpenSSL): digests of known and
# boundary-length inputs, 1 MB, incremental updates and copy(), the attributes, the types,
# and the argument errors.
import _md5
import _sha1
import _sha256

constructors = [_md5.md5, _sha1.sha1, _sha256.sha224, _sha256.sha256]
inputs = [b"", b"abc", b"message digest", b"a" * 55, b"a" * 56, b"a" * 63, b"a" * 64,
          b"a" * 65, b"a" * 119, b"a" * 120, bytes(range(256)) * 3,
          b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"]
for make in constructors:
    for data in inputs:
        print(make.__name__, len(data), make(data).hexdigest())

million = bytes(i * 7 % 251 for i in range(1 << 20))
for make in constructors:
    print(make.__name__, "1MB", make(million).hexdigest())
    h = make()
    for i in range(0, len(million), 65537):
        h.update(million[i:i + 65537])
    print(h.hexdigest() == make(million).hexdigest())

for make in constructors:
    h = make(b"head")
    pieces = [b"x" * 63, b"", b"y", b"z" * 200, memoryview(b"view"), bytearray(b"array")]
    for piece in pieces:
        h.update(piece)
    c = h.copy()
    h.update(b"more")
    print(make.__name__, c.hexdigest(), h.hexdigest())
    print(c.digest() == make(b"head" + b"x" * 63 + b"y" + b"z" * 200 + b"viewarray").digest())
    print(h.name, h.digest_size, h.block_size, len(h.digest()), len(h.hexdigest()))
    print(type(h).__name__, type(h).__module__, type(c) is type(h))
    print(make(string=b"abc", usedforsecurity=False).hexdigest() == make(b"abc").hexdigest())

print(sorted(n for n in dir(_md5) if not n.startswith("__")))
print(sorted(n for n in dir(_sha1) if not n.startswith("__")))
print(sorted(n for n in dir(_sha256) if not n.startswith("__")))
print(_sha256.SHA224Type.__name__, _sha256.SHA256Type.__name__, _md5.MD5Type.__name__)

bad_calls = [
    lambda: _md5.md5("text"),
    lambda: _sha1.sha1(5),
    lambda: _sha256.sha256(b"a", b"b"),
    lambda: _sha256.sha224(data=b"a"),
    lambda: _md5.md5().update("text"),
    lambda: _sha1.sha1().update(),
    lambda: type(_md5.md5())(),
    lambda: _sha256.SHA256Type(),
]
for bad in bad_calls:
    try:
        print(bad())
    except TypeError as e:
        print("TypeError", e)
