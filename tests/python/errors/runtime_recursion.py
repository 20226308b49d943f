# Repeated identical frames in a traceback are summarized as "[Previous line repeated N more times]".
def down(n):
    if n == 50:
        raise ValueError("bottom reached")
    return down(n + 1)


down(0)
