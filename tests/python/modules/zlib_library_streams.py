# zlib over the zlib library: the exact bytes CPython produces at every level, container
# (zlib, raw, gzip) and strategy; streams with flush modes, dictionaries and copies;
# decompressors with max_length, unconsumed_tail, unused_data, eof and flush; the errors
# with CPython's wording; and threads compressing at the same time.
import zlib, threading, hashlib
data = b"".join(b"%d:%s;" % (i, b"xyz" * (i % 7)) for i in range(3000))
for level in (-1, 0, 1, 6, 9):
    c = zlib.compress(data, level)
    print(level, len(c), hashlib.md5(c).hexdigest(), zlib.decompress(c) == data)
for wbits in (9, 15, -15, -9, 31, 25):
    c = zlib.compress(data, 5, wbits)
    print(wbits, len(c), hashlib.md5(c).hexdigest(), zlib.decompress(c, wbits) == data, zlib.decompress(c, 47 if wbits > 0 else wbits) == data)
for strategy in (zlib.Z_FILTERED, zlib.Z_HUFFMAN_ONLY, zlib.Z_RLE, zlib.Z_FIXED):
    co = zlib.compressobj(7, zlib.DEFLATED, 12, 5, strategy)
    c = co.compress(data[:5000]) + co.compress(data[5000:]) + co.flush()
    print(strategy, len(c), hashlib.md5(c).hexdigest())
co = zlib.compressobj()
parts = [co.compress(data[:100]), co.flush(zlib.Z_SYNC_FLUSH), co.compress(data[100:200]), co.flush(zlib.Z_FULL_FLUSH), co.compress(data[200:]), co.flush(zlib.Z_NO_FLUSH)]
twin = co.copy()
parts.append(co.flush())
print([len(p) for p in parts], twin.flush() == parts[-1], zlib.decompress(b"".join(parts)) == data)
for bad in (lambda: co.flush(), lambda: co.compress(b"x"), lambda: co.flush(zlib.Z_SYNC_FLUSH), lambda: co.copy()):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(co.flush(zlib.Z_NO_FLUSH))
z = b"0123456789abcdef" * 4
co = zlib.compressobj(zdict=z)
c = co.compress(b"0123456789abcdef" * 3) + co.flush()
print(c, zlib.decompressobj(zdict=z).decompress(c), zlib.decompressobj(zdict=bytearray(z)).decompress(c))
raw = zlib.compressobj(wbits=-15, zdict=z)
rc = raw.compress(b"abcdef0123") + raw.flush()
print(rc, zlib.decompressobj(-15, zdict=z).decompress(rc))
c = zlib.compress(data)
d = zlib.decompressobj()
out = d.decompress(c[:500], 100)
print(len(out), len(d.unconsumed_tail), d.eof)
out += d.decompress(d.unconsumed_tail + c[500:] + b"tail", 0)
print(len(out), out == data, d.eof, d.unused_data, d.unconsumed_tail, d.decompress(b"more"), d.unused_data)
e = zlib.decompressobj()
half = e.decompress(c[:len(c) // 2])
f = e.copy()
print(half + e.decompress(c[len(c) // 2:]) == data, half + f.decompress(c[len(c) // 2:]) == data)
print(e.flush(), e.eof)
for bad in (lambda: e.copy(), lambda: e.decompress(b"x")):
    try:
        bad()
    except Exception as ex:
        print(type(ex).__name__, ex)
g = zlib.decompressobj()
print(len(g.decompress(c, 10)), len(g.flush()), g.eof)
h = zlib.decompressobj(); h.decompress(c[:10]); print(h.flush(), h.eof)
for bad in (lambda: zlib.decompress(b"garbage"), lambda: zlib.decompress(c[:-3]),
            lambda: zlib.decompress(zlib.compress(b"a", wbits=-15)), lambda: zlib.compressobj(zdict="s"),
            lambda: zlib.decompressobj(zdict="s"), lambda: zlib.decompressobj().decompress(b"x" * 10),
            lambda: zlib.compressobj(level=10), lambda: zlib.compress(b"", 10), lambda: zlib.decompress(b"", 99),
            lambda: zlib.decompressobj(99), lambda: zlib.compress(b"", wbits=99),
            lambda: zlib.decompress(c, bufsize=-1), lambda: zlib.decompressobj().decompress(b"", -1),
            lambda: zlib.decompressobj().flush(0), lambda: zlib.decompress(co.copy()),
            lambda: zlib.decompress(zlib.compressobj(zdict=z).compress(b"0123") + b""),
            lambda: zlib.decompressobj().decompress(zlib.compressobj(zdict=z).compress(b"x") + zlib.compressobj(zdict=z).flush())):
    try:
        print(bad())
    except Exception as ex:
        print(type(ex).__name__, ex)
print(zlib.crc32(data), zlib.adler32(data), zlib.crc32(b"x", -1), zlib.adler32(b"x", 2**40), zlib.crc32(b""), zlib.adler32(b"", 7))
print(type(zlib.compressobj()).__name__, type(zlib.decompressobj()).__name__, zlib.ZLIB_VERSION == zlib.ZLIB_RUNTIME_VERSION)
results = {}
def work(n):
    mine = bytes(range(n, 256)) * 400 + data
    co = zlib.compressobj(n % 9 + 1)
    packed = b"".join(co.compress(mine[i:i + 4096]) for i in range(0, len(mine), 4096)) + co.flush()
    do = zlib.decompressobj()
    back = b"".join(do.decompress(packed[i:i + 1000], 2000) + do.flush() for i in range(0, len(packed), 1000))
    results[n] = (zlib.compress(mine, n % 9 + 1) == packed, zlib.decompress(packed) == mine)
threads = [threading.Thread(target=work, args=(n,)) for n in range(6)]
for th in threads: th.start()
for th in threads: th.join()
print(sorted(results.items()))
