# A bytearray subclass may have __slots__ (its bytes live apart from the object, as in CPython); bytes subclasses may not
class B(bytearray):
    __slots__ = ("tag", "count")
b = B(b"abc")
b.tag = "t"
b.count = 3
b += b"def"
b.extend(range(65, 70))
print(b, b.tag, b.count, len(b), bytes(b[1:4]))
try:
    b.other = 1
except AttributeError as e:
    print(e)
import gc; gc.collect()
print(b.tag, b.count, b.upper())
class Bad(bytes):
    pass
try:
    class Bad2(bytes):
        __slots__ = ("x",)
except TypeError as e:
    print(e)
