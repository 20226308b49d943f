# str(...) in its forms: plain objects, __str__ returning a str subclass, bytes with and
# without an encoding, keywords, and the argument errors in CPython's order.
class S(str):
    pass


class X:
    def __str__(self):
        return S("sub")


class Bad:
    def __str__(self):
        return 42


print(type(str(X())).__name__, str(5), str(b"x"), repr(str()), str(object="k"), str(1.5))
print(str(b"caf\xc3\xa9", "utf-8"), str(b"caf\xe9", encoding="latin-1"), str(b"a\xffb", "ascii", "replace"))
print(type(S(X())).__name__, S(7) + "!", str([1, "a"]), str(None), str(True))
for args, kwargs in [((X(), 1), {}), ((X(), "utf-8"), {}), ((b"x", "utf-8", 5), {}), ((), {"bogus": 1})]:
    try:
        str(*args, **kwargs)
    except TypeError as e:
        print("TypeError:", e)
try:
    str(Bad())
except TypeError as e:
    print("TypeError:", e)
