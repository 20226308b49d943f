# except* with nested groups keeps the nesting structure in the matched part.
eg = ExceptionGroup("top", [ValueError("a"), ExceptionGroup("mid", [ValueError("b"), KeyError("c")])])
try:
    raise eg
except* ValueError as matched:
    print(repr(matched))
except* KeyError as matched:
    print(repr(matched))
print(eg.exceptions[1].exceptions[0] is not None)
try:
    try:
        raise eg
    except* TypeError:
        print("never")
except ExceptionGroup as e:
    print("unmatched group re-raised unchanged:", e is eg)
