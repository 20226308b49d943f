# __traceback__ links frames: tb_lineno and tb_frame.f_code.co_name along the chain.
def inner():
    raise ValueError("x")


def outer():
    inner()


try:
    outer()
except ValueError as e:
    tb = e.__traceback__
    chain = []
    while tb is not None:
        chain.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print(chain)
    e2 = e.with_traceback(None)
    print(e2 is e, e.__traceback__)
