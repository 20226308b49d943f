# Exceptions raised without arguments print just the class name.
def f():
    raise NotImplementedError


f()
