# Strong scaling: the same total work split over 1, 2, 4, ... threads, for a pure
# arithmetic workload and for an allocating one (new lists, tuples and dicts every
# iteration, so the GC runs while the threads do). Prints one line per thread count
# with the time and the speedup over one thread.
#
# usage: scaling.py [N] [THREADS...]     e.g. scaling.py 400000 1 2 4 8 16
import _thread
import sys
import time


def arithmetic(start, stop):
    total = 0
    for n in range(start, stop):
        x = n
        steps = 0
        while x != 1 and steps < 200:
            x = x // 2 if x % 2 == 0 else 3 * x + 1
            steps += 1
        total += steps
    return total


def allocating(start, stop):
    total = 0
    for n in range(start, stop):
        row = [(n, i) for i in range(8)]
        index = {pair: pair[1] * n for pair in row}
        total += len(index) + index[row[-1]] % 7
    return total


def run_threads(work, count, n):
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
    counts = [int(a) for a in sys.argv[2:]] or [1, 2]
    for work, scale in ((arithmetic, 1), (allocating, 2)):
        base = None
        expected = None
        for count in counts:
            t0 = time.perf_counter()
            result = run_threads(work, count, n * scale)
            elapsed = time.perf_counter() - t0
            if expected is None:
                expected = result
            base = base or elapsed
            ok = "ok" if result == expected else f"WRONG {result} != {expected}"
            print(f"{work.__name__:<11} threads={count:<3} {elapsed:7.3f} s  speedup {base / elapsed:5.2f}x  {ok}",
                  flush=True)


main()
