# tracemalloc imports and keeps its state: start() checks its frame count, tracing turns
# on and off, and a snapshot needs tracing on.
import tracemalloc

print(tracemalloc.is_tracing(), tracemalloc.get_traceback_limit(), tracemalloc.get_traced_memory())
for frames in (0, 70000, "x"):
    try:
        tracemalloc.start(frames)
    except Exception as e:
        print(type(e).__name__, e)
try:
    tracemalloc.take_snapshot()
except RuntimeError as e:
    print(e)
tracemalloc.start(5)
print(tracemalloc.is_tracing(), tracemalloc.get_traceback_limit())
print(type(tracemalloc.take_snapshot()).__name__)
tracemalloc.stop()
print(tracemalloc.is_tracing())
