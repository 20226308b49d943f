# A failing assert with a message.
def check(n):
    assert n % 2 == 0, f"{n} is odd"


check(2)
check(3)
