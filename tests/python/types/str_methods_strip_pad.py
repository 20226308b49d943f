# strip family, removeprefix/removesuffix, center/ljust/rjust/zfill and expandtabs.
print(repr("  xx  ".strip()), repr("xxhixx".strip("x")), repr("abcba".lstrip("ab")), repr("abcba".rstrip("ab")))
print("prefix-body".removeprefix("prefix-"), "body.py".removesuffix(".py"), "x".removeprefix("y"))
print(repr("ab".center(7, "*")), repr("ab".center(6)), repr("abc".center(6)), repr("ab".ljust(5, "-")), repr("ab".rjust(5)))
print("42".zfill(5), "-42".zfill(5), "+42".zfill(2), "abc".zfill(5))
print(repr("a\tbc\tdef\tg".expandtabs()), repr("a\tb".expandtabs(4)), repr("\t".expandtabs(0)))
try:
    "x".center(5, "ab")
except TypeError as e:
    print(e)
