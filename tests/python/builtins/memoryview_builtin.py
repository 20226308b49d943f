# memoryview() requires a buffer; released views raise on use.
m = memoryview(b"abc")
print(m.tolist(), m.obj, m.shape, m.strides, m.ndim, m.c_contiguous)
m.release()
try:
    m.tolist()
except ValueError as e:
    print(e)
try:
    memoryview("str")
except TypeError as e:
    print(e)
with memoryview(bytearray(b"xy")) as mv:
    print(bytes(mv))
print(mv.obj if False else "released after with")
