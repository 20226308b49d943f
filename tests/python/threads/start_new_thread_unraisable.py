# An exception that ends a _thread.start_new_thread thread goes to sys.unraisablehook
# (err_msg "Exception ignored in thread started by", object the function); SystemExit
# ends the thread quietly.
import _thread
import sys
import threading

seen = []

def hook(u):
    seen.append((u.exc_type.__name__, str(u.exc_value), u.err_msg, u.object.__name__,
                 u.exc_traceback is not None))

def run_and_wait(function):
    done = threading.Lock()
    done.acquire()

    def body():
        try:
            function()
        finally:
            done.release()

    body.__name__ = function.__name__
    _thread.start_new_thread(body, ())
    done.acquire()
    # The report comes after body returns: wait until the thread has gone.
    while _thread._count():
        pass

def fails():
    raise KeyError("x")

def exits():
    raise SystemExit(3)

sys.unraisablehook = hook
run_and_wait(fails)
run_and_wait(exits)
print(seen)
