# Threads that keep long-lived structures (old after a collection) and link new objects
# into them, while collections run: every structure must come out as a sequential run
# computes it (a minor collection that missed an old-to-young link would lose objects).
import _thread
import random


def work(seed, rounds):
    rng = random.Random(seed)
    table = {k: [k] for k in range(64)}
    chain = None
    for i in range(rounds):
        k = rng.randrange(64)
        op = rng.randrange(4)
        if op == 0:
            table[k].append((i, str(i)))
        elif op == 1:
            table[k] = [k, [i] * (i % 7)]
        elif op == 2:
            chain = (i, chain) if i % 50 else None
        else:
            table[k].extend({j: j * i for j in range(i % 5)}.items())
    total = 0
    for k in sorted(table):
        total = (total * 31 + len(repr(table[k]))) % 1_000_000_007
    depth = 0
    while chain is not None:
        depth += 1
        chain = chain[1]
    return total, depth


def main():
    seeds = [11, 22, 33, 44]
    rounds = 20000
    expected = [work(s, rounds) for s in seeds]
    results = [None] * len(seeds)
    done = [_thread.allocate_lock() for _ in seeds]

    def run(i):
        results[i] = work(seeds[i], rounds)
        done[i].release()

    for i in range(len(seeds)):
        done[i].acquire()
        _thread.start_new_thread(run, (i,))
    for lock in done:
        lock.acquire()
    print(results == expected, len(results))


main()
