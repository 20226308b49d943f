# socket.sendall blocked on a full socket runs a signal handler that arrives meanwhile and goes on sending (the handler used to wait for the whole send, so a peer waiting on it hung); a handler that raises ends sendall with its exception
import socket, threading, signal

N = 16 * 1024 * 1024
main = threading.get_ident()

a, b = socket.socketpair()
interrupted = threading.Event()
signal.signal(signal.SIGUSR1, lambda s, f: interrupted.set())
got = []
def reader():
    with b.makefile('rb') as f:
        f.read(100)
        while True:
            signal.pthread_kill(main, signal.SIGUSR1)
            if interrupted.wait(timeout=1.0):
                break
        got.append(len(f.read(N - 100)))
t = threading.Thread(target=reader)
t.start()
print("sendall:", a.sendall(b'\0' * N))
t.join()
print("peer read the rest:", got == [N - 100], "handler ran:", interrupted.is_set())
a.close(); b.close()

class Stop(Exception):
    pass
def stop(signum, frame):
    raise Stop("from the handler")
signal.signal(signal.SIGUSR1, stop)
a, b = socket.socketpair()
timer = threading.Timer(0.2, signal.pthread_kill, (main, signal.SIGUSR1))
timer.start()
try:
    a.sendall(b'\0' * N)
except Stop as e:
    print("sendall raised", repr(e))
timer.join()
a.close(); b.close()
