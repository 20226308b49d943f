# get_ident differs between threads and is stable within one; the main thread's ident is an int.
import _thread

main_id = _thread.get_ident()
seen = []
done = _thread.allocate_lock()
done.acquire()


def record():
    seen.append((_thread.get_ident(), _thread.get_ident()))
    done.release()


_thread.start_new_thread(record, ())
done.acquire()
(a, b), = seen
print(isinstance(main_id, int), a == b, a != main_id, main_id == _thread.get_ident())
