# _thread's locks take weak references, as CPython's (threading keeps some of them in
# weak containers).
import _thread
import gc
import threading
import weakref

lock = _thread.allocate_lock()
ref = weakref.ref(lock)
print(ref() is lock)
del lock
gc.collect()
print(ref())
rlock = _thread.RLock()
print(weakref.ref(rlock)() is rlock)
registry = weakref.WeakSet([threading.Lock(), rlock])
gc.collect()
print(len(registry), rlock in registry)
