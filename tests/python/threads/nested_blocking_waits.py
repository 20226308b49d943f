# Blocking waits inside calls made from C++ code (sorted, sum, list, map over a
# generator or a lambda): the wait depends on work this thread handed to others, or on a
# lock it took earlier in the same call. Each must finish with CPython's results.
import threading
import time
from concurrent.futures import ThreadPoolExecutor


def square(x):
    return x * x


with ThreadPoolExecutor(4) as ex:
    print(sorted(ex.map(square, range(20))))
    print(sum(ex.map(square, range(50))))
    print(list(ex.map(square, range(5))))
    print(max(ex.submit(square, i).result() for i in range(10)))
    print(sum(map(lambda x: ex.submit(square, x).result(), range(30))))

lock = threading.Lock()
taken = []


def take(i):
    lock.acquire()
    taken.append(i)
    return i


def give_back(n):
    # Each release waits until the main thread holds the lock again (its take() has
    # appended), so a slow main thread never meets a release of an unlocked lock.
    for k in range(n):
        while len(taken) < k:
            time.sleep(0.001)
        time.sleep(0.01)
        lock.release()


lock.acquire()
helper = threading.Thread(target=give_back, args=(4,))
helper.start()
print(list(map(take, range(4))), taken)
helper.join()
print(lock.locked())
