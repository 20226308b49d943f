# The socket module over the builtin _socket: socketpair, a TCP echo server in a thread,
# name resolution of numeric hosts, address conversion, timeouts and errors.
import errno
import socket
import threading

# socketpair: both ends, send/recv, sendall, recv_into, shutdown.
a, b = socket.socketpair()
print(a.family == socket.AF_UNIX, a.type == socket.SOCK_STREAM, repr(a.getsockname()))
print(a.send(b"hello"), b.recv(100))
a.sendall(b"x" * 100000)
got = 0
while got < 100000:
    got += len(b.recv(65536))
print("sendall received", got)
buf = bytearray(10)
a.send(b"abc")
print(b.recv_into(buf), buf)
view = memoryview(bytearray(8))
a.send(b"12345678")
print(b.recv_into(view, 4), bytes(view))
print(b.recv(4))
a.shutdown(socket.SHUT_WR)
print("after shutdown", b.recv(10))
a.close()
b.close()
print("closed fileno", a.fileno(), a._closed)

# Timeouts and blocking mode.
a, b = socket.socketpair()
print(a.gettimeout(), a.getblocking())
a.settimeout(0.05)
print(a.gettimeout(), a.getblocking())
try:
    a.recv(10)
except TimeoutError as e:
    print("timeout:", type(e).__name__, e, isinstance(e, socket.timeout), isinstance(e, OSError))
a.setblocking(False)
print(a.gettimeout(), a.getblocking())
try:
    a.recv(10)
except BlockingIOError as e:
    print("would block:", e.errno == errno.EAGAIN)
a.setblocking(True)
print(a.gettimeout())
try:
    a.settimeout(-1)
except ValueError as e:
    print("ValueError:", e)
a.close()
b.close()

# A TCP echo server on 127.0.0.1 (the port chosen by the system) in a thread.
server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", 0))
server.listen()
host, port = server.getsockname()
print("listening on", host, port > 0)


def serve(count):
    for _ in range(count):
        conn, addr = server.accept()
        with conn:
            while True:
                data = conn.recv(1024)
                if not data:
                    break
                conn.sendall(data.upper())


thread = threading.Thread(target=serve, args=(2,))
thread.start()
for text in [b"first client", b"second client"]:
    with socket.create_connection(("127.0.0.1", port), timeout=5) as c:
        c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        print("nodelay", c.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0)
        print("peer", c.getpeername() == ("127.0.0.1", port))
        c.sendall(text)
        c.shutdown(socket.SHUT_WR)
        reply = b""
        while True:
            chunk = c.recv(1024)
            if not chunk:
                break
            reply += chunk
        print("reply", reply)
thread.join()
server.close()

# makefile over a socketpair: lines come as they arrive, before the writer closes.
a, b = socket.socketpair()
w = a.makefile("wb")
w.write(b"line one\nline two\n")
w.flush()
r = b.makefile("rb")
print(r.readline(), r.readline())
text_in = b.makefile("r", encoding="utf-8")
a.sendall("h\u00e9llo\n".encode())
print(repr(text_in.readline()))
w.close()
a.close()
print(r.read(), repr(text_in.read()))
r.close()
text_in.close()
b.close()

# An AF_UNIX server on a path.
import os
import tempfile

directory = tempfile.mkdtemp()
path = os.path.join(directory, "sock")
unix_server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
unix_server.bind(path)
unix_server.listen()
print("unix name", unix_server.getsockname() == path)


def reverse_once():
    conn, addr = unix_server.accept()
    print("unix peer", repr(addr))
    conn.sendall(conn.recv(100)[::-1])
    conn.close()


thread = threading.Thread(target=reverse_once)
thread.start()
unix_client = socket.socket(socket.AF_UNIX)
unix_client.connect(path)
unix_client.sendall(b"reversed")
print("unix reply", unix_client.recv(100))
unix_client.close()
thread.join()
unix_server.close()
os.unlink(path)
os.rmdir(directory)

# A refused connection (nothing listens on the port the closed server had).
probe = socket.socket()
probe.bind(("127.0.0.1", 0))
free_port = probe.getsockname()[1]
probe.close()
try:
    socket.create_connection(("127.0.0.1", free_port), timeout=5)
except ConnectionRefusedError as e:
    print("refused:", type(e).__name__, e.errno == errno.ECONNREFUSED, isinstance(e, OSError))
c = socket.socket()
print("connect_ex", c.connect_ex(("127.0.0.1", free_port)) == errno.ECONNREFUSED)
c.close()

# UDP.
u1 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u1.bind(("127.0.0.1", 0))
u2 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u2.sendto(b"datagram", u1.getsockname())
data, addr = u1.recvfrom(100)
print(data, addr[0], addr[1] == u2.getsockname()[1])
u1.close()
u2.close()

# Name resolution and address conversion.
infos = socket.getaddrinfo("127.0.0.1", 80)
print(len(infos) > 0, all(len(i) == 5 for i in infos))
family, type_, proto, canon, sockaddr = infos[0]
print(family, sockaddr)
print(socket.getaddrinfo("127.0.0.1", 80, socket.AF_INET, socket.SOCK_STREAM))
print(socket.getaddrinfo(None, 0, socket.AF_INET, socket.SOCK_STREAM, 0, socket.AI_PASSIVE))
print(socket.getnameinfo(("127.0.0.1", 80), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV))
print(socket.gethostbyname("127.0.0.1"), type(socket.gethostname()).__name__)
print(socket.inet_aton("127.0.0.1"), socket.inet_aton("10.1"), socket.inet_ntoa(b"\xc0\xa8\x00\x01"))
print(socket.inet_pton(socket.AF_INET6, "::1"), socket.inet_ntop(socket.AF_INET6, bytes(15) + b"\x01"))
print(socket.inet_ntop(socket.AF_INET, socket.inet_pton(socket.AF_INET, "1.2.3.4")))
print(socket.htons(1), socket.ntohs(256), socket.htonl(1), socket.ntohl(16777216))
for bad in [lambda: socket.inet_aton("x"), lambda: socket.inet_ntoa(b"12"),
            lambda: socket.inet_pton(socket.AF_INET, "1.2.3"), lambda: socket.htons(-1),
            lambda: socket.htonl(2 ** 32), lambda: socket.socket().bind(("", 70000)),
            lambda: socket.socket().bind("x"), lambda: socket.socket(fileno=-5)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
try:
    socket.getaddrinfo("nonexistent.invalid", 80)
except socket.gaierror as e:
    print("gaierror", isinstance(e, OSError), type(e.errno).__name__)

# Constants and module attributes.
print(socket.AF_INET, socket.AF_INET6, socket.AF_UNIX, socket.SOCK_STREAM, socket.SOCK_DGRAM)
print(repr(socket.AF_INET), repr(socket.SOCK_STREAM))
print(socket.SOL_SOCKET, socket.SO_REUSEADDR, socket.IPPROTO_TCP, socket.TCP_NODELAY)
print(socket.timeout is TimeoutError, socket.error is OSError, socket.has_ipv6)
print(socket.herror.__mro__[1].__name__, socket.gaierror.__module__)
print(socket.getdefaulttimeout())
socket.setdefaulttimeout(2.5)
s = socket.socket()
print(socket.getdefaulttimeout(), s.gettimeout())
s.close()
socket.setdefaulttimeout(None)
s = socket.socket()
print(repr(s).startswith("<socket.socket fd="), s.family, s.type, s.proto)
d = s.dup()
print(d.fileno() != s.fileno(), d.family)
d.close()
s.close()
print(repr(s))
