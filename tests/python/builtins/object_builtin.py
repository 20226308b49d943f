# object(): instances have no __dict__; attributes cannot be set; object methods are available.
o = object()
print(type(o).__name__, hasattr(o, "__dict__"), o == o, o != object())
try:
    o.x = 1
except AttributeError as e:
    print(e)
print(object.__name__, sorted(n for n in dir(o) if n in ("__eq__", "__hash__", "__repr__")))
print(o.__class__ is object, object.__subclasshook__() is NotImplemented, str(o) == repr(o))
