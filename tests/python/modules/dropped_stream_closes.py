# A socket, a socket's makefile() and a file that a program drops without closing are
# closed for it: a thread reading until the other end hangs up gets its end of file
# while the program waits for that thread (CPython closes them when the last reference
# goes; a collector must find them while everybody waits).
import os
import socket
import threading

a, b = socket.socketpair()
got = []

def reader(sock):
    f = sock.makefile("rb")
    got.append(f.readline())
    got.append(f.read())  # until the peer is closed
    f.close()
    sock.close()

def drop_makefile():
    fp = a.makefile("rb")
    a.sendall(b"first line\nrest")
    a.close()  # the makefile still holds the socket open

t = threading.Thread(target=reader, args=(b,))
t.start()
drop_makefile()
t.join()
print(got, t.is_alive())

c, d = socket.socketpair()
t = threading.Thread(target=reader, args=(d,))
t.start()
c.sendall(b"only\n")
del c  # the socket object itself
t.join()
print(got[2:])

r, w = os.pipe()
def write_and_drop():
    f = open(w, "w")
    f.write("through a pipe\n")
result = []
t = threading.Thread(target=lambda: result.append(open(r).read()))
t.start()
write_and_drop()
t.join()
print(result)
