# lzma in two threads at once, each with its own compressors and decompressors: one-shot
# round trips and streams fed in pieces must give each thread its own data back.
import lzma, threading

results = {}


def work(k):
    data = (b"thread %d " % k) * 3000 + bytes(range(k, 256)) * 20
    ok = True
    for i in range(6):
        c = lzma.compress(data, preset=1, format=lzma.FORMAT_XZ if i % 2 else lzma.FORMAT_ALONE)
        ok = ok and lzma.decompress(c) == data
        comp = lzma.LZMACompressor(preset=1)
        parts = [comp.compress(data[j:j + 997]) for j in range(0, len(data), 997)]
        stream = b"".join(parts) + comp.flush()
        d = lzma.LZMADecompressor()
        out = b"".join(d.decompress(stream[j:j + 50], 500) for j in range(0, len(stream), 50))
        while not d.eof:
            out += d.decompress(b"", 500)
        ok = ok and out == data
    results[k] = (ok, len(data))


threads = [threading.Thread(target=work, args=(k,)) for k in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results.items()))
