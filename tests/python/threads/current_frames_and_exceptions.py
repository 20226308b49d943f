# sys._current_frames() and sys._current_exceptions(): another thread, waiting, shows its
# frames and the exception it is handling (test_sys hung at exit without them).
import sys, threading, traceback
entered, leave = threading.Event(), threading.Event()
info = []
def f123():
    g456()
def g456():
    info.append(threading.get_ident())
    try:
        raise ValueError("in thread")
    except ValueError:
        entered.set()
        leave.wait()
t = threading.Thread(target=f123)
t.start()
entered.wait()
frames = sys._current_frames()
main_id, tid = threading.get_ident(), info[0]
print(main_id in frames, tid in frames, all(isinstance(k, int) for k in frames))
stack = traceback.extract_stack(frames[tid])
names = [f.name for f in stack]
print(names[-2:], "f123" in names)
print(sys._current_frames()[main_id].f_code.co_name)
exc = sys._current_exceptions()
print(exc[tid][0].__name__, str(exc[tid][1]), exc[main_id])
leave.set()
t.join()
print(tid in sys._current_frames())
