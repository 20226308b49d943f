# pickle.PickleBuffer (from _pickle) and protocol 5's out-of-band buffers: memoryview()
# and bytes() through a PickleBuffer, in-band and out-of-band pickles, release().
import pickle, io
from pickle import PickleBuffer
print(PickleBuffer, pickle._HAVE_PICKLE_BUFFER)
pb = PickleBuffer(b"foo")
print(bytes(pb), memoryview(pb).readonly, memoryview(pb).obj, pb.raw().tobytes())
ba = bytearray(b"foo")
pb2 = PickleBuffer(ba)
with memoryview(pb2) as m:
    print(m.readonly); m[0] = 48
print(bytes(pb2), ba)
for proto in (4, 5):
    for obj in (pb, pb2, [pb, pb]):
        try:
            print(proto, pickle.dumps(obj, proto))
        except Exception as e:
            print(proto, type(e).__name__, e)
bufs = []
s = pickle.dumps([pb, pb2], 5, buffer_callback=bufs.append)
print(s, len(bufs))
r = pickle.loads(s, buffers=bufs)
print([type(x).__name__ for x in r], [bytes(x) for x in r])
s = pickle.dumps([pb, pb2], 5, buffer_callback=lambda b: True)
print(s)
pb.release()
try: memoryview(pb)
except ValueError as e: print(e)
try: pb.raw()
except ValueError as e: print(e)
pb.release()
try: PickleBuffer("x")
except TypeError as e: print(e)
try: PickleBuffer()
except TypeError as e: print(e)
print(type(pb), type(pb).__module__)
import weakref
w = weakref.ref(PickleBuffer(b"x"))
print("weakref", callable(w))
try:
    pickle.dumps(PickleBuffer(b"x"), 4)
except pickle.PicklingError as e:
    print(e)
try:
    pickle.dumps(PickleBuffer(b"x"), 5, buffer_callback=lambda b: 1 / 0)
except ZeroDivisionError as e:
    print("callback raised", e)
ro = pickle.loads(b"\x80\x05\x97\x98.", buffers=[bytearray(b"rw")])
print(type(ro).__name__, ro.readonly, bytes(ro))
f = io.BytesIO()
pickle.Pickler(f, 5, buffer_callback=bufs.append).dump(PickleBuffer(bytearray(b"q" * 70000)))
print(len(f.getvalue()), len(bufs))
f = io.BytesIO()
pickle.Pickler(f, 5).dump(PickleBuffer(bytearray(b"q" * 70000)))
r = pickle.loads(f.getvalue())
print(type(r).__name__, len(r))
