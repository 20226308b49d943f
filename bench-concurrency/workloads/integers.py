# Integer loops: a sieve of Eratosthenes and a digit-sum loop, with some big ints.
import sys

def sieve(n):
    flags = [True] * (n + 1)
    flags[0] = flags[1] = False
    for i in range(2, int(n ** 0.5) + 1):
        if flags[i]:
            for j in range(i * i, n + 1, i):
                flags[j] = False
    return sum(flags)

def digits(n):
    total = 0
    for i in range(n):
        x = i * 7919
        while x:
            total += x % 10
            x //= 10
    return total

n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000000
print(sieve(n), digits(n // 3), 3 ** 500 % 1000003)
