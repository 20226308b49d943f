# Two threads, each with its own connection to one database file, insert rows in many
# small transactions at once. SQLite lets one writer in at a time; the other waits for
# the lock (timeout) and must get it once the first commits: every row arrives, no
# "database is locked", no deadlock. Then both read the whole table back.
import os
import shutil
import sqlite3
import tempfile
import threading

d = tempfile.mkdtemp()
path = os.path.join(d, "shared.db")
setup = sqlite3.connect(path)
setup.execute("create table rows(worker int, n int, text text)")
setup.commit()
setup.close()

errors = []
counts = {}


def work(k):
    try:
        con = sqlite3.connect(path, timeout=60)
        for batch in range(20):
            for i in range(10):
                n = batch * 10 + i
                con.execute("insert into rows values (?, ?, ?)", (k, n, "w%d-%d" % (k, n)))
            con.commit()
        # Autocommit mode: each statement is a transaction of its own.
        con.isolation_level = None
        for n in range(200, 250):
            con.execute("insert into rows values (?, ?, ?)", (k, n, "w%d-%d" % (k, n)))
        with con:
            con.executemany("insert into rows values (?, ?, ?)",
                            ((k, n, "w%d-%d" % (k, n)) for n in range(250, 300)))
        counts[k] = con.execute("select count(*) from rows where worker = ?", (k,)).fetchone()[0]
        con.close()
    except Exception as e:
        errors.append("%d: %s: %s" % (k, type(e).__name__, e))


threads = [threading.Thread(target=work, args=(k,)) for k in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("errors:", errors)
print("per worker:", sorted(counts.items()))
con = sqlite3.connect(path)
print("total:", con.execute("select count(*), count(distinct text) from rows").fetchone())
print("per worker in file:", con.execute("select worker, count(*), min(n), max(n) from rows group by worker").fetchall())
con.close()

# One thread holds the write lock for a while; the other's insert waits for it (the busy
# handler), and goes through once the first commits, well within its timeout.
held = threading.Event()
log = []


def holder():
    con = sqlite3.connect(path)
    con.execute("insert into rows values (9, 0, 'holder')")
    log.append("holder has the lock")
    held.set()
    import time
    time.sleep(0.3)
    con.commit()
    con.close()


def waiter():
    held.wait()
    con = sqlite3.connect(path, timeout=20)
    con.execute("insert into rows values (9, 1, 'waiter')")
    con.commit()
    log.append("waiter inserted after the holder committed: %s" % (
        con.execute("select count(*) from rows where worker = 9").fetchone()[0] == 2))
    con.close()


threads = [threading.Thread(target=holder), threading.Thread(target=waiter)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(log)

# With a short timeout the waiter gives up with "database is locked".
held.clear()
log.clear()


def impatient():
    held.wait()
    con = sqlite3.connect(path, timeout=0.05)
    try:
        con.execute("insert into rows values (9, 2, 'impatient')")
    except sqlite3.OperationalError as e:
        log.append("impatient: %s" % e)
    con.close()


threads = [threading.Thread(target=holder), threading.Thread(target=impatient)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(log)
shutil.rmtree(d)
