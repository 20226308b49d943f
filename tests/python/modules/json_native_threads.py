# json.dumps / json.loads through _json in several threads at once, with hooks that run
# Python code (and allocate) in the middle of a document: every thread gets its own
# documents back intact.
import json
import threading

N = 4
results = [None] * N


def hook(d):
    d["seen"] = len(d)
    return d


def default(o):
    return {"set": sorted(o)}


def work(k):
    data = [{"thread": k, "i": i, "name": "t%d-%d" % (k, i), "vals": [i * 0.5, -i, "\u00e9"],
             "set": {i, i + 1}} for i in range(400)]
    ok = True
    for _ in range(5):
        text = json.dumps(data, default=default, sort_keys=(k % 2 == 0))
        back = json.loads(text, object_hook=hook)
        ok = ok and len(back) == len(data) and all(
            b["i"] == i and b["thread"] == k and b["set"]["set"] == [i, i + 1]
            for i, b in enumerate(back))
    results[k] = (ok, len(text))


threads = [threading.Thread(target=work, args=(k,)) for k in range(N)]
for th in threads:
    th.start()
for th in threads:
    th.join()
for k, r in enumerate(results):
    print(k, r)
