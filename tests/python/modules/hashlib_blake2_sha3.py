# hashlib's blake2b, blake2s, sha3_* and shake_* (taken from _blake2 and _sha3 when there
# is no OpenSSL), by name and through new(). Hashes without a module
# yet log on stderr when hashlib is imported; that log is kept out of the output.
import io
import sys

saved, sys.stderr = sys.stderr, io.StringIO()
import hashlib

sys.stderr = saved

for name in ["blake2b", "blake2s", "sha3_224", "sha3_256", "sha3_384", "sha3_512"]:
    h = getattr(hashlib, name)(b"hello")
    print(name, h.name, h.digest_size, h.block_size, h.hexdigest())
    h2 = hashlib.new(name, b"hel")
    h2.update(b"lo")
    print(h2.hexdigest() == h.hexdigest())
for name in ["shake_128", "shake_256"]:
    h = hashlib.new(name, b"hello")
    print(name, h.name, h.digest_size, h.block_size, h.hexdigest(20))
print(hashlib.blake2b(b"data", digest_size=16, key=b"key", person=b"app").hexdigest())
print(hashlib.blake2s(b"data", salt=b"salt").hexdigest())
print(sorted(n for n in hashlib.algorithms_guaranteed if "sha3_" in n or "blake" in n or "shake" in n))
