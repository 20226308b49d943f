# threading.RLock is reentrant; Condition wait/notify coordinates two threads deterministically.
import threading

r = threading.RLock()
with r:
    with r:
        print("reentered")
cond = threading.Condition()
state = {"ready": False}
log = []


def waiter():
    with cond:
        while not state["ready"]:
            cond.wait()
        log.append("waiter woke")


t = threading.Thread(target=waiter)
t.start()
with cond:
    state["ready"] = True
    cond.notify_all()
t.join()
print(log)
