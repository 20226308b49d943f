# Threads move money between shared accounts (instances, a shared list and a shared dict,
# spread over many pages) under per-account locks taken in a fixed order, while they also
# allocate enough to make collections run. Transfers commute, so whatever the interleaving
# every balance must end where a sequential run puts it, and no update may be lost.
import _thread
import random

ACCOUNTS = 300


class Account:
    def __init__(self, number):
        self.number = number
        self.balance = 1000
        self.history = []


accounts = [Account(i) for i in range(ACCOUNTS)]
ledger = [0] * ACCOUNTS                      # per account: net amount moved
by_name = {f"acct{i}": 0 for i in range(ACCOUNTS)}  # per account: transfers touching it
locks = [_thread.allocate_lock() for _ in range(ACCOUNTS)]


def plan(seed, rounds):
    rng = random.Random(seed)
    moves = []
    for _ in range(rounds):
        a = rng.randrange(ACCOUNTS)
        b = (a + 1 + rng.randrange(ACCOUNTS - 1)) % ACCOUNTS
        moves.append((a, b, 1 + rng.randrange(40)))
    return moves


def transfer(a, b, amount):
    first, second = min(a, b), max(a, b)
    with locks[first], locks[second]:
        accounts[a].balance -= amount
        accounts[b].balance += amount
        ledger[a] -= amount
        ledger[b] += amount
        by_name[f"acct{a}"] += 1
        by_name[f"acct{b}"] += 1
        # Garbage and a little history: collections run while the locks are held too.
        accounts[a].history = accounts[a].history[-3:] + [(b, -amount, str(amount))]


def work(moves, done):
    for a, b, amount in moves:
        transfer(a, b, amount)
    done.release()


def main():
    seeds = [5, 6, 7, 8]
    plans = [plan(s, 4000) for s in seeds]
    expected = [1000] * ACCOUNTS
    for moves in plans:
        for a, b, amount in moves:
            expected[a] -= amount
            expected[b] += amount
    done = [_thread.allocate_lock() for _ in seeds]
    for lock, moves in zip(done, plans):
        lock.acquire()
        _thread.start_new_thread(work, (moves, lock))
    for lock in done:
        lock.acquire()
    balances = [acct.balance for acct in accounts]
    print("total", sum(balances), "expected", 1000 * ACCOUNTS)
    print("balances as planned:", balances == expected)
    print("ledger agrees:", all(ledger[i] == balances[i] - 1000 for i in range(ACCOUNTS)))
    print("transfers counted:", sum(by_name.values()) // 2, "of", sum(len(p) for p in plans))
    print("histories:", sorted({len(acct.history) for acct in accounts}))


main()
