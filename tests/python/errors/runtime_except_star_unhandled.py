# except* handles part of a group; the remaining part propagates as an ExceptionGroup.
try:
    raise ExceptionGroup("mixed", [ValueError("handled"), KeyError("unhandled")])
except* ValueError:
    print("handled the ValueError part")
