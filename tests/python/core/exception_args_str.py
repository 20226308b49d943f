# str() and repr() of exceptions with zero, one and several args, and custom attributes.
for exc in (ValueError(), ValueError("one"), ValueError("a", 2), KeyError("key"), KeyError(), OSError(2, "No such file")):
    print(repr(exc), "|", str(exc), "|", exc.args)
e = OSError(2, "No such file", "name.txt")
print(e.errno, e.strerror, e.filename, str(e), type(e).__name__)
print(type(OSError(2, "x")).__name__)


class MyError(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code


m = MyError(7)
print(repr(m), str(m), m.code, m.args)
s = StopIteration(5)
print(s.value, SystemExit(3).code, SystemExit().code)
