# hmac and secrets on top of _operator._compare_digest: equal and different inputs of
# every accepted kind, the refusals, and hmac digests.
import _operator
import hmac
import hashlib
import secrets

cases = [
    (b"abc", b"abc"), (b"abc", b"abd"), (b"abc", b"ab"), (b"", b""),
    ("abc", "abc"), ("abc", "abx"), (bytearray(b"xy"), memoryview(b"xy")),
]
for a, b in cases:
    print(type(a).__name__, type(b).__name__, _operator._compare_digest(a, b), hmac.compare_digest(a, b))
for a, b in (("é", "e"), (1, 2), ("a", b"a"), (b"a", 3)):
    try:
        hmac.compare_digest(a, b)
    except TypeError as e:
        print("TypeError:", e)

mac = hmac.new(b"key", b"message", hashlib.sha256)
print(mac.hexdigest())
print(hmac.new(b"k" * 100, b"", "md5").hexdigest())
print(hmac.digest(b"key", b"message", "sha1").hex())
print(len(secrets.token_hex(8)), len(secrets.token_bytes(5)), secrets.compare_digest("a", "a"))
