# sys.settrace in threads that run beside others: a transaction that calls settrace(None)
# and then aborts (a conflict on the shared dict) must leave the trace function in place
# for its next attempt, so every thread counts all its events.
import sys, threading
def work(n):
    total = 0
    for i in range(n):
        total += i % 7
    return total
counts = {}
def traced_worker(name):
    events = []
    def tracer(frame, event, arg):
        events.append(event)
        return tracer
    sys.settrace(tracer)
    work(2000)
    sys.settrace(None)
    counts[name] = (events.count("call"), events.count("line"), events.count("return"))
def plain_worker(name):
    counts[name] = work(50000)
threads = [threading.Thread(target=traced_worker, args=("t%d" % i,)) for i in range(2)] + [threading.Thread(target=plain_worker, args=("p%d" % i,)) for i in range(2)]
for t in threads: t.start()
for t in threads: t.join()
print(sorted(counts.items()))
