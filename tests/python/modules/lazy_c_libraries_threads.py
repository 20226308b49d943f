# _sqlite3, _lzma and _bz2 open their C libraries at first import: three threads released
# at the same moment import the three modules, each in its own order, so that the opening
# races, and then use them; every thread must get working modules.
import threading

barrier = threading.Barrier(3)
results = {}
orders = [("sqlite3", "lzma", "bz2"), ("lzma", "bz2", "sqlite3"), ("bz2", "sqlite3", "lzma")]


def work(k):
    barrier.wait()
    mods = {name: __import__(name) for name in orders[k]}
    data = (b"thread %d " % k) * 500
    sqlite3 = mods["sqlite3"]
    con = sqlite3.connect(":memory:")
    con.execute("create table t (k, v)")
    con.execute("insert into t values (?, ?)", (k, data))
    row = con.execute("select k, length(v) from t").fetchone()
    con.close()
    lzma_ok = mods["lzma"].decompress(mods["lzma"].compress(data, preset=1)) == data
    bz2_ok = mods["bz2"].decompress(mods["bz2"].compress(data, 1)) == data
    results[k] = (row, lzma_ok, bz2_ok)


threads = [threading.Thread(target=work, args=(k,)) for k in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results.items()))
