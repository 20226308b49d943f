# try/except/else/finally ordering, and exceptions raised in else are not caught by the same try.
def run(fail):
    order = []
    try:
        order.append("try")
        if fail:
            raise KeyError(fail)
    except KeyError as e:
        order.append(f"except {e}")
    else:
        order.append("else")
    finally:
        order.append("finally")
    return order


print(run(None))
print(run("k"))
try:
    try:
        pass
    except ValueError:
        print("not here")
    else:
        raise ValueError("from else")
except ValueError as e:
    print("outer caught", e)
