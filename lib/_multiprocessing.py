"""pypy-stm's _multiprocessing: what multiprocessing needs of it in order to import.

multiprocessing imports this module at the top of its connection and queues modules, so
without it even the pools of threads (multiprocessing.dummy, multiprocessing.pool.ThreadPool)
could not be imported. The named POSIX semaphores behind multiprocessing's locks shared
between processes (SemLock, sem_unlink) are not provided: as on a platform without
sem_open, importing multiprocessing.synchronize raises CPython's ImportError that says so.
"""

# CPython lists HAVE_SEM_OPEN and HAVE_SEM_TIMEDWAIT here when it has SemLock.
flags = {}
