# assert raises AssertionError with the message expression, evaluated only on failure.
def msg():
    print("message evaluated")
    return "the message"


assert True, msg()
try:
    assert 1 == 2, msg()
except AssertionError as e:
    print("AssertionError", e.args)
try:
    assert []
except AssertionError as e:
    print("no message", e.args)
print(__debug__)
