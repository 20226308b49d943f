def gen():
    yield 1
    return 5


def work(n):
    total = 0
    for i in range(n):
        total += i
    total += 100
    return total


def main():
    x = work(3)
    for v in gen():
        x += v
    print("x =", x)
    1 / (x - x)


main()
