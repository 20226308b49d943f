# lzma over liblzma: one-shot and incremental (de)compression in each container format
# (xz, alone, raw with filter chains, auto detection), max_length, eof, unused_data,
# needs_input, check, the filter-property helpers zipfile uses, and CPython's errors for
# bad arguments and filter specifiers.
import lzma, _lzma

data = b"pypy-stm " * 5000 + bytes(range(256)) * 40


def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, type(e).__name__, e)
    else:
        print(label, r)


x = lzma.compress(data)
print(len(data), len(x), x[:6], lzma.decompress(x) == data)
for fmt in (lzma.FORMAT_XZ, lzma.FORMAT_ALONE):
    c = lzma.compress(data, format=fmt, preset=1)
    print(fmt, len(c), c[:3], lzma.decompress(c) == data, lzma.decompress(c, format=fmt) == data)
print(len(lzma.compress(data, preset=2 | lzma.PRESET_EXTREME)))
for check in (lzma.CHECK_NONE, lzma.CHECK_CRC32, lzma.CHECK_CRC64, lzma.CHECK_SHA256):
    c = lzma.compress(data, check=check)
    d = lzma.LZMADecompressor()
    print(check, lzma.is_check_supported(check), d.decompress(c) == data, d.check, d.eof, d.needs_input)
print([lzma.is_check_supported(i) for i in (-1, 2, 15, 16)])
print(lzma.LZMADecompressor(lzma.FORMAT_ALONE).check, lzma.LZMADecompressor().check)
d = lzma.LZMADecompressor()
d.decompress(lzma.compress(b"abc", format=lzma.FORMAT_ALONE))
print(d.check, d.eof)

# Raw streams with filter chains, and the same chains inside an xz container.
chains = [
    [{"id": lzma.FILTER_LZMA2, "preset": 6}],
    [{"id": lzma.FILTER_LZMA2, "preset": 1, "dict_size": 1 << 16, "mode": lzma.MODE_NORMAL}],
    [{"id": lzma.FILTER_DELTA, "dist": 4}, {"id": lzma.FILTER_LZMA2, "preset": 1}],
    [{"id": lzma.FILTER_LZMA1, "dict_size": 1 << 20, "lc": 3, "lp": 0, "pb": 2,
      "mode": lzma.MODE_FAST, "nice_len": 64, "mf": lzma.MF_HC4, "depth": 0}],
]
for f in (lzma.FILTER_X86, lzma.FILTER_POWERPC, lzma.FILTER_IA64, lzma.FILTER_ARM,
          lzma.FILTER_ARMTHUMB, lzma.FILTER_SPARC):
    chains.append([{"id": f, "start_offset": 16}, {"id": lzma.FILTER_LZMA2, "preset": 1}])
for chain in chains:
    c = lzma.compress(data, format=lzma.FORMAT_RAW, filters=chain)
    ok = lzma.decompress(c, format=lzma.FORMAT_RAW, filters=chain) == data
    x2 = lzma.compress(data, filters=chain) if chain[-1]["id"] == lzma.FILTER_LZMA2 else b""
    print(chain[0]["id"], len(c), ok, not x2 or lzma.decompress(x2) == data)
alone = lzma.compress(data, format=lzma.FORMAT_ALONE, filters=[{"id": lzma.FILTER_LZMA1, "preset": 3}])
print(len(alone), lzma.decompress(alone) == data)

# Incremental compression, and decompression in pieces with max_length.
comp = lzma.LZMACompressor(lzma.FORMAT_XZ, lzma.CHECK_CRC32, 3)
parts = [comp.compress(data[i:i + 1000]) for i in range(0, len(data), 1000)] + [comp.flush()]
joined = b"".join(parts)
print(len(joined), lzma.decompress(joined) == data)
show("flush again", comp.flush)
show("compress after flush", lambda: comp.compress(b"x"))
small = lzma.compress(b"hello" * 100)
d = lzma.LZMADecompressor()
out = d.decompress(small[:10]); print(out, d.needs_input, d.eof, d.check)
out = d.decompress(small[10:] + b"junk", 3); print(out, d.needs_input, d.eof, d.unused_data)
out = d.decompress(b"more", 1000); print(len(out), d.needs_input, d.eof, d.unused_data)
show("after eof", lambda: d.decompress(b"x"))
d = lzma.LZMADecompressor()
out = d.decompress(small, 0); print(out, d.needs_input, d.eof, d.check)
out = d.decompress(b"", 10); print(out, d.needs_input, d.eof)
out = d.decompress(b"", max_length=490); print(len(out), d.needs_input, d.eof)
d = lzma.LZMADecompressor()
out = b""
for i in range(len(x)):
    out += d.decompress(x[i:i + 1], max_length=7000)
while not d.eof:
    out += d.decompress(b"", 7000)
print(out == data, d.unused_data, d.needs_input)
d = lzma.LZMADecompressor()
print(d.decompress(data=memoryview(bytearray(small)), max_length=-5) == b"hello" * 100)
print(lzma.decompress(x + x) == data + data, lzma.decompress(x + b"trailing junk") == data)
show("empty", lambda: lzma.decompress(b""))
print(lzma.compress(b"", format=lzma.FORMAT_RAW, filters=chains[0]))
print(lzma.LZMADecompressor(memlimit=1 << 30).decompress(x) == data)

# Filter properties (zipfile's ZIP_LZMA headers).
for spec in ({"id": lzma.FILTER_LZMA1}, {"id": lzma.FILTER_LZMA1, "preset": 1, "lc": 1, "lp": 2, "pb": 1},
             {"id": lzma.FILTER_LZMA2}, {"id": lzma.FILTER_LZMA2, "preset": 9},
             {"id": lzma.FILTER_DELTA, "dist": 5}, {"id": lzma.FILTER_X86},
             {"id": lzma.FILTER_SPARC, "start_offset": 16}):
    p = _lzma._encode_filter_properties(spec)
    # (CPython crashes decoding a BCJ filter's empty properties: not asked here.)
    print(p, p and _lzma._decode_filter_properties(spec["id"], p))

E = lzma
LZ2 = lzma.FILTER_LZMA2
errors = [
    ("too many args", lambda: E.LZMACompressor(1, 2, 3, 4, 5)),
    ("bad keyword", lambda: E.LZMACompressor(foo=1)),
    ("format str", lambda: E.LZMACompressor(format="x")),
    ("format big", lambda: E.LZMACompressor(format=2**40)),
    ("format 9", lambda: E.LZMACompressor(format=9)),
    ("check str", lambda: E.LZMACompressor(check="x")),
    ("preset str", lambda: E.LZMACompressor(preset="x")),
    ("preset -1", lambda: E.LZMACompressor(preset=-1)),
    ("preset 2**32", lambda: E.LZMACompressor(preset=2**32)),
    ("preset 2**64", lambda: E.LZMACompressor(preset=2**64)),
    ("preset 10", lambda: E.LZMACompressor(preset=10)),
    ("alone preset 10", lambda: E.LZMACompressor(format=2, preset=10)),
    ("check 99", lambda: E.LZMACompressor(check=99)),
    ("check 2", lambda: E.LZMACompressor(check=2)),
    ("filters int", lambda: E.LZMACompressor(filters=5)),
    ("filter int", lambda: E.LZMACompressor(filters=[5])),
    ("filter list", lambda: E.LZMACompressor(filters=[[1]])),
    ("filter no id", lambda: E.LZMACompressor(filters=[{}])),
    ("id str", lambda: E.LZMACompressor(filters=[{"id": "x"}])),
    ("id -1", lambda: E.LZMACompressor(filters=[{"id": -1}])),
    ("id 2**64", lambda: E.LZMACompressor(filters=[{"id": 2**64}])),
    ("id 99", lambda: E.LZMACompressor(filters=[{"id": 99}])),
    ("lzma key", lambda: E.LZMACompressor(filters=[{"id": LZ2, "foo": 1}])),
    ("lzma value", lambda: E.LZMACompressor(filters=[{"id": LZ2, "dict_size": "x"}])),
    ("lzma negative", lambda: E.LZMACompressor(filters=[{"id": LZ2, "dict_size": -1}])),
    ("lzma preset str", lambda: E.LZMACompressor(filters=[{"id": LZ2, "preset": "x"}])),
    ("lzma preset big", lambda: E.LZMACompressor(filters=[{"id": LZ2, "preset": 2**33}])),
    ("lzma preset 99", lambda: E.LZMACompressor(filters=[{"id": LZ2, "preset": 99}])),
    ("lzma lc", lambda: E.LZMACompressor(filters=[{"id": LZ2, "lc": 99}])),
    ("lzma mode", lambda: E.LZMACompressor(filters=[{"id": LZ2, "mode": 99}])),
    ("delta dist 0", lambda: E.LZMACompressor(filters=[{"id": E.FILTER_DELTA, "dist": 0}])),
    ("delta dist str", lambda: E.LZMACompressor(filters=[{"id": E.FILTER_DELTA, "dist": "x"}])),
    ("delta key", lambda: E.LZMACompressor(filters=[{"id": E.FILTER_DELTA, "foo": 1}])),
    ("bcj key", lambda: E.LZMACompressor(filters=[{"id": E.FILTER_X86, "foo": 1}])),
    ("bcj value", lambda: E.LZMACompressor(filters=[{"id": E.FILTER_X86, "start_offset": "x"}])),
    ("bcj alone", lambda: E.LZMACompressor(filters=[{"id": E.FILTER_X86}])),
    ("five filters", lambda: E.LZMACompressor(filters=[{"id": LZ2}] * 5)),
    ("four deltas", lambda: E.LZMACompressor(filters=[{"id": E.FILTER_DELTA}] * 4)),
    ("xz lzma1", lambda: E.LZMACompressor(filters=[{"id": E.FILTER_LZMA1}])),
    ("alone lzma2", lambda: E.LZMACompressor(format=2, filters=[{"id": LZ2}])),
    ("alone two", lambda: E.LZMACompressor(format=2, filters=[{"id": E.FILTER_LZMA1}, {"id": 3}])),
    ("raw none", lambda: E.LZMACompressor(format=3)),
    ("raw check", lambda: E.LZMACompressor(format=3, check=1)),
    ("both", lambda: E.LZMACompressor(preset=1, filters=[])),
    ("empty chain", lambda: E.LZMACompressor(filters=[])),
    ("dict chain", lambda: E.LZMACompressor(filters={})),
    ("bytes filter", lambda: E.LZMACompressor(filters=[b"ab"])),
    ("d too many", lambda: E.LZMADecompressor(1, 2, 3, 4)),
    ("d keyword", lambda: E.LZMADecompressor(foo=2)),
    ("d format 9", lambda: E.LZMADecompressor(format=9)),
    ("d format str", lambda: E.LZMADecompressor(format="x")),
    ("d format big", lambda: E.LZMADecompressor(format=2**40)),
    ("d memlimit str", lambda: E.LZMADecompressor(memlimit="x")),
    ("d memlimit -1", lambda: E.LZMADecompressor(memlimit=-1)),
    ("d raw memlimit", lambda: E.LZMADecompressor(format=3, memlimit=5)),
    ("d raw none", lambda: E.LZMADecompressor(format=3)),
    ("d xz filters", lambda: E.LZMADecompressor(format=1, filters=[])),
    ("d raw empty", lambda: E.LZMADecompressor(format=3, filters=[])),
    ("d memlimit 5", lambda: E.LZMADecompressor(memlimit=5).decompress(x)),
    ("d garbage", lambda: E.LZMADecompressor().decompress(b"garbage here")),
    ("d xz garbage", lambda: E.LZMADecompressor(1).decompress(b"garbage here")),
    ("d corrupt", lambda: E.LZMADecompressor().decompress(x[:40] + b"\xff" * 8 + x[48:])),
    ("d no data", lambda: E.LZMADecompressor().decompress()),
    ("d str data", lambda: E.LZMADecompressor().decompress("x")),
    ("d max str", lambda: E.LZMADecompressor().decompress(b"", "x")),
    ("d three", lambda: E.LZMADecompressor().decompress(b"", 1, 2)),
    ("d bad kw", lambda: E.LZMADecompressor().decompress(b"", foo=2)),
    ("c no data", lambda: E.LZMACompressor().compress()),
    ("c keyword", lambda: E.LZMACompressor().compress(data=b"")),
    ("c str", lambda: E.LZMACompressor().compress("x")),
    ("c flush arg", lambda: E.LZMACompressor().flush(1)),
    ("truncated", lambda: lzma.decompress(x[:-5])),
    ("header only", lambda: lzma.decompress(x[:12])),
    ("not xz", lambda: lzma.decompress(b"not xz data at all")),
    ("check none", lambda: _lzma.is_check_supported()),
    ("check str", lambda: _lzma.is_check_supported("x")),
    ("check big", lambda: _lzma.is_check_supported(2**40)),
    ("encode none", lambda: _lzma._encode_filter_properties()),
    ("encode int", lambda: _lzma._encode_filter_properties(5)),
    ("encode 99", lambda: _lzma._encode_filter_properties({"id": 99})),
    ("encode dist 0", lambda: _lzma._encode_filter_properties({"id": E.FILTER_DELTA, "dist": 0})),
    ("decode 99", lambda: _lzma._decode_filter_properties(99, b"")),
    ("decode short", lambda: _lzma._decode_filter_properties(E.FILTER_LZMA1, b"]\x00\x00")),
    ("decode lzma2 empty", lambda: _lzma._decode_filter_properties(LZ2, b"")),
    ("decode -1", lambda: _lzma._decode_filter_properties(-1, b"")),
    ("decode str", lambda: _lzma._decode_filter_properties("x", b"")),
    ("decode props str", lambda: _lzma._decode_filter_properties(3, "x")),
    ("decode one arg", lambda: _lzma._decode_filter_properties(3)),
]
for label, f in errors:
    show(label, f)
d = lzma.LZMADecompressor()
show("corrupt", lambda: d.decompress(x[:40] + b"\xff" * 8 + x[48:]))
show("after error", lambda: d.decompress(b"x"))
print(isinstance(lzma.LZMAError("x"), Exception), lzma.LZMAError.__module__, lzma.LZMAError.__name__)
print(lzma.LZMACompressor.__module__, lzma.LZMADecompressor.__name__, type(lzma.LZMADecompressor()).__name__)
print(sorted((n, getattr(_lzma, n)) for n in dir(_lzma) if n[0].isupper() and n.isupper()))
import pickle
d = lzma.LZMADecompressor()
show("set eof", lambda: setattr(d, "eof", True))
show("del check", lambda: delattr(d, "check"))
show("pickle", lambda: pickle.dumps(lzma.LZMACompressor()))
show("subclass", lambda: type("S", (lzma.LZMADecompressor,), {}))
