# signal.pause() in the main thread while another thread works (allocating enough for
# collections, printing) and then sends the signal: the handler runs, pause() returns
import os
import signal
import threading
import time

seen = []
signal.signal(signal.SIGUSR1, lambda signum, frame: seen.append(signum))


def work_then_signal():
    junk = []
    for i in range(200000):
        junk.append([i] * 4)
    print("worker allocated", len(junk))
    time.sleep(0.1)
    os.kill(os.getpid(), signal.SIGUSR1)


worker = threading.Thread(target=work_then_signal)
worker.start()
signal.pause()
print("paused until", seen == [signal.SIGUSR1])
worker.join()
signal.alarm(1)
signal.signal(signal.SIGALRM, lambda signum, frame: seen.append(signum))
signal.pause()
print("alarm", seen[-1] == signal.SIGALRM)
