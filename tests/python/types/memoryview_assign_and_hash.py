# Slice assignment into a memoryview takes any exporter of the same format (an array of
# ints into a view of one); a read-only view keeps its hash after release().
import array

a = array.array('i', range(10))
m = memoryview(a)
m[:] = array.array('i', range(9, -1, -1))
print(a)
m[2:4] = memoryview(array.array('i', [7, 8]))
print(a.tolist())
for bad in (array.array('d', [1.0, 2.0]), b"12345678"):
    try:
        m[0:2] = bad
    except ValueError as e:
        print("ValueError:", e)
b = b"abcdef"
v = memoryview(b)
print(hash(v) == hash(b))
v.release()
print(hash(v) == hash(b))
w = memoryview(b)
w.release()
try:
    hash(w)
except ValueError as e:
    print("ValueError:", e)
