# Helper for cli/ specs: fails with a traceback through two functions.
def f():
    g()


def g():
    raise ValueError("from script")


f()
