# multiprocessing with Linux's default start method, fork: a pool (also one whose workers are forked again from its handler thread after each task), a Process with a Queue, and processes appending to one file under a multiprocessing lock (where the system has named POSIX semaphores)
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "pkgs"))
import need_named_semaphores
import multiprocessing as mp

def square(x):
    return x * x

def produce(q, n):
    for i in range(n):
        q.put((i, os.getpid() != parent))
    q.put(None)

def append_lines(path, lock, tag, n):
    for i in range(n):
        with lock:
            with open(path, "a") as f:
                f.write(f"{tag} {i}\n")

parent = os.getpid()
if __name__ == "__main__":
    print(mp.get_start_method())
    with mp.Pool(2) as pool:
        print(pool.map(square, range(10)))
        print(pool.apply_async(square, (12,)).get(timeout=30))
    with mp.Pool(2, maxtasksperchild=1) as pool:
        print(sum(pool.map(square, range(20), chunksize=1)))
    q = mp.Queue()
    p = mp.Process(target=produce, args=(q, 5))
    p.start()
    items = []
    while (item := q.get(timeout=30)) is not None:
        items.append(item)
    p.join()
    print(items, p.exitcode)
    import tempfile
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "lines")
        lock = mp.Lock()
        workers = [mp.Process(target=append_lines, args=(path, lock, tag, 50)) for tag in "abc"]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        with open(path) as f:
            lines = f.read().splitlines()
        print(len(lines), sorted(set(line.split()[0] for line in lines)),
              [w.exitcode for w in workers])
