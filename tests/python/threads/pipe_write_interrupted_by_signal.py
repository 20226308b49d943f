# A write to a full pipe waits for the reader; a signal that arrives meanwhile runs its
# handler, and the handler's exception ends the write (CPython's test_io checks this).
import io, os, signal, threading

def handler(signum, frame):
    1 / 0

signal.signal(signal.SIGALRM, handler)
for mode in ["wb", "unbuffered", "w"]:
    r, w = os.pipe()
    got = []
    reader = threading.Thread(target=lambda: got.append(os.read(r, 1)), daemon=True)
    if mode == "unbuffered":
        f = io.open(w, "wb", buffering=0, closefd=False)
    else:
        f = io.open(w, mode, closefd=False)
    signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGALRM])
    reader.start()
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGALRM])
    data = ("ab" if mode == "w" else b"ab") * (1024 * 1024)
    signal.alarm(1)
    try:
        f.write(data)
        print(mode, "no exception")
    except ZeroDivisionError:
        print(mode, "ZeroDivisionError")
    finally:
        signal.alarm(0)
        reader.join()
    got.append(os.read(r, 1))
    print(got)
    os.close(w)
    os.close(r)
    try:
        f.close()
    except OSError as e:
        print("close:", type(e).__name__)
