# Chained generators evaluate one item at a time through the whole pipeline.
def numbers(n):
    for i in range(n):
        print("produce", i)
        yield i


def squares(src):
    for x in src:
        print("square", x)
        yield x * x


def evens(src):
    for x in src:
        if x % 2 == 0:
            yield x


for v in evens(squares(numbers(4))):
    print("got", v)
