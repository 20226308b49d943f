# Mutating a list during its own sort is detected; the key function is called once per element.
calls = []


def key(x):
    calls.append(x)
    return -x


data = [3, 1, 2]
data.sort(key=key)
print(data, calls)
lst = [3, 2, 1]


def bad_key(x):
    lst.append(x)
    return x


try:
    lst.sort(key=bad_key)
except ValueError as e:
    print(e)
big = list(range(1000, 0, -1))
big.sort()
print(big[:3], big[-3:], sorted(range(20), key=lambda v: v % 3))
