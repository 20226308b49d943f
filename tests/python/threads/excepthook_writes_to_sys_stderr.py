# threading's default excepthook writes to the sys.stderr of the moment (a StringIO
# here), and to the thread's own start-time stderr when sys.stderr is None.
import io
import sys
import threading


def fail():
    raise ValueError("run failed")


captured = io.StringIO()
saved, sys.stderr = sys.stderr, captured
t = threading.Thread(target=fail, name="worker-1")
t.start()
t.join()
sys.stderr = saved
lines = captured.getvalue().splitlines()
print(lines[0], "|", lines[1], "|", lines[-1])

t = threading.Thread(target=fail, name="worker-2")
t._stderr = io.StringIO()
sys.stderr = None
t.start()
t.join()
sys.stderr = saved
print(t._stderr.getvalue().splitlines()[0], t._stderr.getvalue().splitlines()[-1])
