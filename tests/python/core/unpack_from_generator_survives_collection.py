# Unpacking from an iterator keeps the items taken first while the iterator runs Python
# code that collects.
import gc
def gen():
    yield [i for i in range(20000)]
    junk = [str(i) * 3 for i in range(30000)]
    gc.collect()
    yield len(junk)
    yield {"k": [7] * 1000}
for _ in range(3):
    a, b, c = gen()
    print(len(a), a[-1], b, len(c["k"]))
    first, *middle, last = gen()
    print(len(first), middle, len(last["k"]))
