# Sorting: lists of ints, of tuples, with a key function and reversed.
import sys

def run(n):
    seed = 12345
    data = []
    for _ in range(n):
        seed = (seed * 1103515245 + 12345) % 2147483648
        data.append(seed % 100000)
    a = sorted(data)
    b = sorted(((x % 97, x) for x in data), reverse=True)
    c = sorted(data, key=lambda x: (x % 10, -x))
    return a[n // 2], b[0], c[-1]

print(run(int(sys.argv[1]) if len(sys.argv) > 1 else 150000))
