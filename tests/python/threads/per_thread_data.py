# threading.local gives each thread its own attribute values.
import threading

local = threading.local()
local.value = "main"
seen = []
lock = threading.Lock()


def work(n):
    local.value = f"thread {n}"
    with lock:
        seen.append(local.value)


ts = [threading.Thread(target=work, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(seen), local.value)
