# A thread spinning on a global sees another thread's assignment to it (LOAD_GLOBAL's
# per-thread guess reads the dict's current value, never a remembered one), also when the
# other thread first adds so many globals that the module dict grows. The writer then
# waits on a lock that only the reader releases: if the writer's commit loses a conflict
# to the spinning reader, it must run again, not wait (that wait would never end).
import _thread
import time

flag = 0
seen = []


def reader(done):
    spins = 0
    while flag == 0:
        spins += 1
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
