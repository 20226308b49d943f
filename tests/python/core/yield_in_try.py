# yield inside try/except/finally: exceptions thrown in are handled, finally runs on close and exhaustion.
def g():
    for i in range(3):
        try:
            yield i
        except ValueError:
            print("handled ValueError at", i)
        finally:
            print("finally", i)


it = g()
print(next(it))
print(it.throw(ValueError))
print(next(it))
it.close()
print(list(g()))
