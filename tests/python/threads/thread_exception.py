# An uncaught exception in a thread goes to threading.excepthook; the thread's finally runs and main continues.
import threading

log = []


def hook(args):
    log.append(("hook", args.exc_type.__name__, str(args.exc_value), args.thread.name))


threading.excepthook = hook


def failing():
    try:
        raise ValueError("in thread")
    finally:
        log.append(("finally",))


t = threading.Thread(target=failing, name="failer")
t.start()
t.join()
print(log, "main continues")
