# hashlib without OpenSSL falls back on the builtin _md5, _sha1, _sha256 and _sha512: its
# import logs no "code for hash ... was not found" for them, and its constructors and
# new() give the known digests, incremental updates and copies included. (_blake2 and
# _sha3 are other modules; their messages are not looked at here.)
import io
import sys

captured = io.StringIO()
sys.stderr = captured
import hashlib
sys.stderr = sys.__stderr__
ours = ("md5", "sha1", "sha224", "sha256", "sha384", "sha512")
print([line for line in captured.getvalue().splitlines() if any(n in line for n in ours)])

for name in ours:
    print(name, hasattr(hashlib, name), name in hashlib.algorithms_available,
          name in hashlib.algorithms_guaranteed)
    print(getattr(hashlib, name)(b"The quick brown fox jumps over the lazy dog").hexdigest())
    print(hashlib.new(name, b"").hexdigest())
    print(hashlib.new(name.upper(), b"abc").hexdigest())
    h = hashlib.new(name)
    for piece in (b"The quick ", b"brown fox", b" jumps over the lazy dog"):
        h.update(piece)
    c = h.copy()
    c.update(b".")
    print(h.hexdigest(), c.hexdigest(), h.name, h.digest_size, h.block_size)
    h = getattr(hashlib, name)(usedforsecurity=False)
    h.update(b"a" * 1000000)
    print(h.hexdigest())

try:
    hashlib.new("nonesuch")
except ValueError as e:
    print("ValueError", e)
