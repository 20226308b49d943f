# A Python __enter__ runs as a frame called from the with statement: its caller is the
# frame of the with, and an exception it raises has both lines in its traceback.
import sys
class CM:
    def __init__(self, fail): self.fail = fail
    def __enter__(self):
        if self.fail:
            raise ValueError("enter failed")
        return sys._getframe(1).f_code.co_name
    def __exit__(self, *a):
        print("exit", a[0])
        return False
def f():
    with CM(False) as name:
        print("inside", name)
    try:
        with CM(True) as x:
            print("not reached")
    except ValueError as e:
        tb = e.__traceback__
        while tb:
            print(tb.tb_frame.f_code.co_name, tb.tb_lineno)
            tb = tb.tb_next
    with CM(False) as a, CM(False) as b:
        print(a, b)
f()
with CM(True):
    pass
