# multiprocessing with the spawn start method: a child process, a Lock and a Queue shared with it, and a Pool of processes (where the system has named POSIX semaphores: a sandbox without /dev/shm says so instead)
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "pkgs"))
import need_named_semaphores
import multiprocessing as mp


def square(x):
    return x * x


def child(q, lock):
    with lock:
        q.put("from child")


if __name__ == "__main__":
    ctx = mp.get_context("spawn")
    q = ctx.Queue()
    lock = ctx.Lock()
    p = ctx.Process(target=child, args=(q, lock))
    p.start()
    print(q.get(timeout=60))
    p.join(60)
    print(p.exitcode)
    with ctx.Pool(2) as pool:
        print(pool.map(square, range(6)))
        print(pool.apply_async(pow, (3, 4)).get(timeout=60))
