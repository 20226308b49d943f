# ExceptionGroup construction, attributes, subgroup, split and derive.
eg = ExceptionGroup("many", [ValueError(1), TypeError(2), ValueError(3)])
print(repr(eg), str(eg), eg.message)
print([repr(x) for x in eg.exceptions])
match, rest = eg.split(ValueError)
print(repr(match), repr(rest))
print(repr(eg.subgroup(lambda e: isinstance(e, TypeError))))
print(eg.subgroup(OSError))
nested = ExceptionGroup("outer", [ValueError("a"), ExceptionGroup("inner", [TypeError("b")])])
m, r = nested.split(TypeError)
print(repr(m), repr(r))
print(type(BaseExceptionGroup("b", [KeyboardInterrupt()])).__name__)
print(type(BaseExceptionGroup("b", [ValueError()])).__name__)
try:
    ExceptionGroup("empty", [])
except ValueError as e:
    print(e)
try:
    ExceptionGroup("bad", [KeyboardInterrupt()])
except TypeError as e:
    print(e)
