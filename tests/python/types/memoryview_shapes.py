# memoryview.cast(format, shape) makes multi-dimensional views: shape, strides, nested tolist, tuple indexing, row slices and CPython's errors
def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


data = bytearray(range(24))
m = memoryview(data).cast("B", shape=[4, 6])
print(m.shape, m.strides, m.ndim, len(m), m.nbytes, m.itemsize, m.format)
print(m.c_contiguous, m.f_contiguous, m.contiguous, m.tolist())
print(m[1, 2], m[-1, -1], m.tobytes()[:8], m.hex()[:12], bytes(m)[-3:])
m[1, 2] = 99
print(data[8])
for key in [(4, 0), (0, 6), 1, (1,), (1, 2, 3), (1, "a"), ..., ()]:
    attempt(lambda: m[key])
attempt(lambda: list(m))
for key, value in [(1, 5), ((1,), 5), ((0, 0), 300), (slice(0, 1), b"abcdef")]:
    attempt(lambda: m.__setitem__(key, value))

# Rows of the first dimension, with any step.
for rows in (m[1:3], m[::2], m[::-1], m[::3][1:], m[4:]):
    print(rows.shape, rows.strides, rows.c_contiguous, rows.tolist())
print(m[::2][1, 5], m[::2].tobytes())
attempt(lambda: m[::2].cast("B"))
print(m[1:3].cast("B").tolist())

# Other formats and more dimensions.
ints = memoryview(bytes(range(24))).cast("i", shape=[2, 3])
print(ints.shape, ints.strides, ints.tolist(), ints[1, 2])
cube = memoryview(bytes(range(48))).cast("H", shape=[2, 3, 4])
print(cube.strides, cube.tolist()[1][2], cube[1, 2, 3], cube[::-1][0, 0, 0], cube[::-1].strides)
print(cube.cast("B").shape, cube.cast("B", shape=[48]).shape)
print(memoryview(bytes(24)).cast("B", shape=[2, 12]).cast("i").shape)

# Zero dimensions.
scalar = memoryview(b"a").cast("B", shape=[])
print(scalar.shape, scalar.strides, scalar.ndim, len(scalar), scalar.tolist(), scalar[()], scalar[...] is scalar)
attempt(lambda: scalar[0])
attempt(lambda: list(scalar))

# Equality compares shapes, then values.
same = memoryview(bytes(data)).cast("B", shape=[4, 6])
print(m == same, m == same.cast("B").cast("B", shape=[6, 4]), m == bytes(data), m[::2] == same[::2])
print(memoryview(memoryview(bytes(12)).cast("B", shape=[3, 4])).shape, same.toreadonly().shape)
print(hash(memoryview(bytes(12)).cast("B", shape=[3, 4])) == hash(bytes(12)))

# Bad shapes, in CPython's order of checks.
twelve = memoryview(bytes(12))
for shape in ([5, 2], [0, 12], [-3, -4], ["a", 4], 3, {3: 4}, None, [1] * 65, [2**70, 1]):
    attempt(lambda: twelve.cast("B", shape=shape))
attempt(lambda: memoryview(bytes(24)).cast("B", shape=[2, 12]).cast("b", shape=[4, 6]))
attempt(lambda: twelve[::2].cast("B", shape=[2, 3]))
attempt(lambda: memoryview(b"").cast("B", shape=[1]))
attempt(lambda: twelve.cast("B", [3, 4]).shape)
attempt(lambda: twelve.cast(format="B", shape=(3, 4)).shape)
attempt(lambda: twelve.cast("B", shape=[3, 4], x=1))
attempt(lambda: twelve.cast("B", shap=[3, 4]))
attempt(lambda: twelve.cast())
