# A compound statement header without its colon: expected ':'.
def f()
    return 1
