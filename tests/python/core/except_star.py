# except* handles each matching part of an exception group; unhandled parts propagate as a group.
def raise_group():
    raise ExceptionGroup("grp", [ValueError("v1"), TypeError("t1"), ValueError("v2"), OSError("o")])


try:
    try:
        raise_group()
    except* ValueError as eg:
        print("values:", [str(e) for e in eg.exceptions])
    except* TypeError as eg:
        print("types:", [str(e) for e in eg.exceptions])
except ExceptionGroup as rest:
    print("left over:", repr(rest))

try:
    raise KeyError("naked")
except* KeyError as eg:
    print("naked exception wrapped:", repr(eg))

try:
    try:
        raise ExceptionGroup("g", [ValueError(1)])
    except* ValueError:
        raise RuntimeError("in handler")
except ExceptionGroup as e:
    print(repr(e), repr(e.exceptions[0].__context__))
