# An uncaught ExceptionGroup prints the nested box-drawn traceback of each member.
def fail(n):
    raise ValueError(f"bad {n}")


errors = []
for n in range(2):
    try:
        fail(n)
    except ValueError as e:
        errors.append(e)
raise ExceptionGroup("several failures", errors)
