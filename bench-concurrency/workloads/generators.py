# Generators: pipelines of generator functions and generator expressions.
import sys

def numbers(n):
    for i in range(n):
        yield i

def evens(xs):
    for x in xs:
        if x % 2 == 0:
            yield x

def squares(xs):
    for x in xs:
        yield x * x

n = int(sys.argv[1]) if len(sys.argv) > 1 else 800000
print(sum(squares(evens(numbers(n)))), sum(x for x in range(n) if x % 3 == 0))
