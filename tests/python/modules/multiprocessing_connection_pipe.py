# multiprocessing.connection's Pipe within one process: objects pickled through a socket pair, polled, and both ends closed
from multiprocessing.connection import Pipe, wait

a, b = Pipe()
a.send({"x": [1, 2, 3], "y": ("t", None)})
print(b.poll(1), b.recv())
b.send_bytes(b"raw bytes")
print(wait([a], timeout=1) == [a], a.recv_bytes())
one_way_r, one_way_w = Pipe(duplex=False)
one_way_w.send(42)
print(one_way_r.recv(), one_way_r.readable, one_way_w.writable)
a.close()
try:
    b.recv()
except EOFError:
    print("EOFError")
b.close()
print(a.closed, b.closed)
