# bytes methods: split with maxsplit, strip with chars, fromhex errors, translate and maketrans.
b = b"a-b-c-d"
print(b.split(b"-", 2), b.rsplit(b"-", 1), b"xxhixx".strip(b"x"), b"abc".translate(bytes.maketrans(b"abc", b"xyz")))
print(b"abc".translate(None, b"b"), b"hello".capitalize(), b"a\tb".expandtabs(4), b"%03d" % 7)
try:
    bytes.fromhex("zz")
except ValueError as e:
    print(e)
print(b"abc".startswith(b"ab"), b"abc".endswith((b"x", b"c")), b"aaa".count(b"a"), b"abc".index(b"c"))
print(list(b"AZ"), b"".join([b"1", bytearray(b"2"), memoryview(b"3")]), b"ab".removeprefix(b"a"))
