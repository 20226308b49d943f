# BytesIO.getbuffer() (a writable view of the stream's bytes, both ways) and readinto().
import io

b = io.BytesIO(b'abcdef')
m = b.getbuffer()
print(type(m).__name__, m.readonly, m.format, m.itemsize, len(m), m.nbytes, bytes(m), m.tobytes())
m[0] = 65
m[2:4] = b'XY'
print(b.getvalue(), b.read(), b.tell())
print(m[1], m[-1], m[1:3].tobytes(), list(m[::2]))
m.release()
b.seek(0)
b.write(b'zz')
print(b.getvalue(), bytes(b.getbuffer()))
# A new view sees the writes made since; the stream sees the view's writes.
b.seek(0, 2)
b.write(b'tail')
m2 = b.getbuffer()
print(len(m2), bytes(m2), b.getvalue())
m2[-1] = ord('!')
print(b.getvalue(), b.tell())
b.seek(0)
print(b.read(3), b.readline(), b.read())
with b.getbuffer() as view:
    print(view.tobytes().upper())
# Several views at once, and the view of an empty stream.
e = io.BytesIO()
ev = e.getbuffer()
print(len(ev), bytes(ev), ev.tolist())
ev.release()
e.write(b'hello world')
v1, v2 = e.getbuffer(), e.getbuffer()
v1[0:5] = b'HELLO'
print(bytes(v2), e.getvalue(), v1 == v2, v1 == b'HELLO world')
v1.release()
v2.release()
e.truncate(5)
print(e.getvalue(), bytes(e.getbuffer()), e.tell())
e.seek(8)
e.write(b'!')
print(e.getvalue())
print(bytes(e.getbuffer().cast('B')), e.getbuffer().hex())
# getvalue() is a copy: later writes through a view do not change it.
s = io.BytesIO(b'1234')
snap = s.getvalue()
w = s.getbuffer()
w[0] = ord('9')
print(snap, s.getvalue(), type(s.getvalue()).__name__)
w.release()
# Closed stream, arguments.
c = io.BytesIO(b'x')
c.close()
for f in (c.getbuffer, lambda: io.BytesIO().getbuffer(1)):
    try:
        f()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

# readinto into a bytearray, a memoryview and a shorter tail.
r = io.BytesIO(b'0123456789')
buf = bytearray(4)
print(r.readinto(buf), buf, r.tell())
mv = memoryview(bytearray(3))
print(r.readinto(mv), mv.tobytes())
big = bytearray(10)
print(r.readinto(big), big, r.readinto(big), r.readinto(bytearray()))
# readinto from a stream that has a view.
r2 = io.BytesIO(b'abcdef')
rv = r2.getbuffer()
rv[0] = ord('Z')
out = bytearray(6)
print(r2.readinto(out), out)
rv.release()
