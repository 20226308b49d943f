# os.fork while three threads allocate and write shared objects: each child has one thread (the forking one, now its main thread), a heap where the others' unfinished work never happened, and collects and starts threads of its own; a thread forks too
import os, threading, gc

shared = {"count": 0}
stop = False

def worker(k):
    mine = []
    while not stop:
        mine.append([k] * 10)
        if len(mine) > 300:
            mine = []
        shared["count"] += 1

def child_report():
    alone = threading.active_count() == 1
    main = threading.current_thread() is threading.main_thread()
    junk = [list(range(50)) for _ in range(2000)]
    gc.collect()
    results = []
    helpers = [threading.Thread(target=lambda k=k: results.append(sum(range(k * 1000))))
               for k in range(3)]
    for h in helpers:
        h.start()
    for h in helpers:
        h.join()
    shared["count"] = -1
    return f"{alone} {main} {sum(map(len, junk))} {sorted(results)} {shared['count']}"

def fork_and_read():
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        os.write(w, child_report().encode())
        os._exit(0)
    os.close(w)
    message = b""
    while chunk := os.read(r, 4096):
        message += chunk
    os.close(r)
    return message.decode(), os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])

threads = [threading.Thread(target=worker, args=(k,)) for k in range(3)]
for t in threads:
    t.start()
reports = set(fork_and_read() for _ in range(8))
from_thread = []
t = threading.Thread(target=lambda: from_thread.append(fork_and_read()))
t.start()
t.join()
stop = True
for t in threads:
    t.join()
print(reports)
print(from_thread)
print("the parent's count went on:", shared["count"] > 0)
