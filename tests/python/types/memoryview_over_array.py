# memoryview over array.array: the view reads and writes the array in place, and what
# takes a writable buffer (readinto, recv_into, struct.pack_into) takes an array.
import tempfile
path = tempfile.mktemp()
import array, struct, io, os, socket
a = array.array('i', [1, 2, 3, 4])
m = memoryview(a)
print(m.format, m.itemsize, m.nbytes, m.readonly, m.shape, m.tolist(), len(m))
m[1] = 20
print(a, m[2], m[-1], m[1:3].tolist())
b = m.cast('B')
print(len(b), b[4], b.format)
b[0] = 7
print(a)
print(bytes(a)[:8], m.tobytes()[:4])
m.release(); b.release()
a.append(5)
print(memoryview(a).tolist())
struct.pack_into('<i', a, 4, 99)
print(a)
f = io.BytesIO(b"\x01\x00\x00\x00\x02\x00\x00\x00")
n = f.readinto(a)
print(n, a)
s1, s2 = socket.socketpair()
s1.send(b"\x09\x00\x00\x00")
print(s2.recv_into(a), a)
s1.close(); s2.close()
u = memoryview(array.array('u', 'hi'))
print(u.format, u.itemsize, len(u))
try:
    u.tolist()
except NotImplementedError as e:
    print("NotImplementedError", e)
for c in 'bBhHiIlLqQfd':
    mv = memoryview(array.array(c, [1, 2]))
    print(c, mv.format, mv.itemsize, mv.tolist())
try:
    hash(memoryview(a).toreadonly())
except (TypeError, ValueError) as e:
    print(type(e).__name__, e)
try:
    hash(memoryview(array.array('B', [1])).toreadonly())
except (TypeError, ValueError) as e:
    print(type(e).__name__, e)
print(hash(memoryview(b"ab")) == hash(b"ab"))
with open(path, "wb") as f:
    f.write(array.array('d', [1.5, 2.5]))
d = array.array('d', [0.0, 0.0])
with open(path, "rb") as f:
    print(f.readinto(d), d)
with open(path, "rb", buffering=0) as f:
    print(f.readinto(memoryview(d)), d)
print(memoryview(a) == memoryview(array.array('i', list(a))), memoryview(a).obj is a)
os.remove(path)
