# A thread spinning on a global sees another thread's assignment to it (LOAD_GLOBAL's
# per-thread guess reads the dict's current value, never a remembered one), also when the
# other thread first adds so many globals that the module dict grows.
import _thread
import time

flag = 0
seen = []


def reader(done):
    # The loop sleeps: a pure spin-wait next to a writer can livelock (a known issue).
    while flag == 0:
        time.sleep(0.001)
    seen.append(flag)
    done.release()


for value, fillers in ((7, 0), (9, 300)):
    flag = 0
    done = _thread.allocate_lock()
    done.acquire()
    _thread.start_new_thread(reader, (done,))
    time.sleep(0.05)
    for k in range(fillers):
        globals()[f"filler_{k}"] = k
    flag = value
    done.acquire()
print(seen)
