# A decompressor's input after the end of the stream collects in unused_data across calls,
# and unconsumed_tail is empty then; before the end, max_length leaves the rest there.
import zlib
source = b'abcdefghijklmnopqrstuvwxyz'
remainder = b'0123456789'
y = zlib.compress(source)
x = y + remainder
for maxlen in 0, 1000:
    for step in 1, 2, len(y), len(x):
        dco = zlib.decompressobj()
        data = b''
        log = []
        for i in range(0, len(x), step):
            if maxlen == 0:
                data += dco.decompress(x[i : i + step])
            else:
                data += dco.decompress(dco.unconsumed_tail + x[i : i + step], maxlen)
            log.append((dco.unconsumed_tail, dco.unused_data, dco.eof))
        data += dco.flush()
        print(maxlen, step, data == source, dco.eof, dco.unconsumed_tail, dco.unused_data, log[-3:])

data = bytes(range(256)) * 200
c = zlib.compress(data)
for first_limit in (1000, None):
    d = zlib.decompressobj()
    out = d.decompress(c, first_limit) if first_limit else d.decompress(c[:100])
    out += d.decompress(d.unconsumed_tail + (b'' if first_limit else c[100:]) + b'tail', 0)
    print(out == data, d.eof, d.unused_data, d.unconsumed_tail)
    for more in (b'more', b'x'):
        d.decompress(more)
        print(d.unused_data, d.unconsumed_tail)
    print(d.flush(), d.unused_data, d.unconsumed_tail)
