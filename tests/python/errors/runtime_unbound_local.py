# UnboundLocalError when reading a local before assignment.
total = 0


def add(n):
    total += n


add(1)
