# sys.intern() returns one object per string value, across threads too
import sys
import threading

a = sys.intern("".join(["ab", "cd"]))
b = sys.intern("".join(["a", "bcd"]))
print(a == "abcd", a is b, sys.intern(a) is a)
print(sys.intern("") is sys.intern("".join([])))
for bad in (b"x", 1, None):
    try:
        sys.intern(bad)
    except TypeError as e:
        print(e)


class S(str):
    pass


try:
    sys.intern(S("x"))
except TypeError as e:
    print(e)

# Interned in threads at once: every thread gets the same object for the same value.
results = [[] for _ in range(4)]


def work(slot):
    for i in range(200):
        results[slot].append(sys.intern("key-%d" % (i % 50)))


threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
for th in threads:
    th.start()
for th in threads:
    th.join()
first = {s: s for s in results[0]}
print(len(first), all(first[s] is s for r in results for s in r))
