# The main job: the same CPU-bound work done by one thread, then split over two threads
# with _thread, printing the result of each and the speedup. Under pypy-stm the two
# threads run in parallel (each in its own segment); under CPython the GIL serializes them.
import _thread
import sys
import time

def work(start, stop):
    # Integer arithmetic over private data: no shared writes, so no conflicts.
    total = 0
    for n in range(start, stop):
        x = n
        steps = 0
        while x != 1 and steps < 200:
            x = x // 2 if x % 2 == 0 else 3 * x + 1
            steps += 1
        total += steps
    return total

def run_threads(count, n):
    results = [None] * count
    done = [_thread.allocate_lock() for _ in range(count)]
    chunk = n // count
    def worker(i):
        results[i] = work(1 + i * chunk, 1 + (i + 1) * chunk)
        done[i].release()
    for i in range(count):
        done[i].acquire()
        _thread.start_new_thread(worker, (i,))
    for lock in done:
        lock.acquire()
    return sum(results)

def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200000
    t0 = time.perf_counter()
    one = run_threads(1, n)
    t1 = time.perf_counter()
    two = run_threads(2, n)
    t2 = time.perf_counter()
    print("result, one thread:  ", one)
    print("result, two threads: ", two)
    print("same result:", one == two)
    print(f"one thread {t1 - t0:.3f} s, two threads {t2 - t1:.3f} s, speedup {(t1 - t0) / (t2 - t1):.2f}x")

main()
