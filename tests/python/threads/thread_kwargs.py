# start_new_thread passes positional args and a kwargs dict; non-callables and bad args are rejected.
import _thread

out = []
done = _thread.allocate_lock()
done.acquire()


def f(a, b, *, c):
    out.append((a, b, c))
    done.release()


_thread.start_new_thread(f, (1, 2), {"c": 3})
done.acquire()
print(out)
for args in ((5, ()), (f, [1]), (f, (), 5)):
    try:
        _thread.start_new_thread(*args)
    except TypeError as e:
        print("TypeError:", e)
