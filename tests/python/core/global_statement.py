# global: assignment inside a function rebinds the module variable; without it the name is local.
total = 10


def add(n):
    global total
    total += n


def shadow():
    total = -1
    return total


def create():
    global fresh
    fresh = "made in function"


add(5)
add(7)
print(total, shadow(), total)
create()
print(fresh)
print("fresh" in globals())
