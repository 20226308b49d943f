# zlib: decompression of streams CPython's zlib made (stored, fixed and dynamic Huffman
# blocks; zlib, raw and gzip containers), round trips, checksums, errors, the streaming
# objects, and gzip.compress/decompress.
import io
import random
import zlib


C_DYN = b"x\xda}\x95Q\x8a\xc30\x0cD{\x94\\\xcd\xa5\xa5[Ha?\xfa\x95\xcbo\xbb\x16\xb6\x9fg\xe4@\x08\x8e%\x8d\xa4\xf1X9\xf6\xe7u{\x94\xd7\xabl\x97\xbf\xb1\x88\xe7\xf87\x96\xfd\xf7\xa7l\xb7\xfb\xfe.\xdb\xf5\xfe\xae\xe6\xd8\xab_\xb1\x8c@8\xc5\x12\x00u\x89\x88/\n\x1c#\x1e\x1b\xf0\xac\xcb\x1a^_\xb0\xc3\t\xae\xf2\nh$\xa8(\xd1\xe0\xf0\xca\xcaY\xb4\x06Tz\xc4{\xd4\x89\xb6#\xd9*\x84\t\xba\x1b\x8a\xe9\x16\xe3\xbb3I\x08\xe4e3v \xf4n\xe0zHF\xc91\xe4\x82\xa5%\xee%\xb1Nz\x81\xc3\xc1\x18:g\xf4,D\xd1*b\xe6V\xc8y&^T\x0b\xaeP]K\x9b\x1e\x92\x89\xb4\xe3\x9a\x9e'\xb0\xf6a\xd9,l\x81\x86c\x1c'&:\x91\xbe\xbd\x01\xab^Q{\x85\xa7\x05\r\xf2@\x94\x9cR\x93\xc3\xe2\xa6\xac\xaa\xe5~\xdf\x19\r[\xd5\xe2\xe9\x80\x96-\x8d\xc8\xfa\x96=\xc0\xc9\x95\x81p\xa5\x95.\x91x@\xbfP(\xb9&\x83\xa0\x8d\x94\x90@\xf3\xf5\xb9\x16\x99m\x96\xeb]\xe71\xe946\xe6}\xbc\xccWU\xa8IG\xa0ct\xb2LTgRS\x9b\xa9\xc2\x06j\xe3\xca\xe6\xd8\x9a\xd9\xd4.\x82\xf7Y\x97^\x16\x88\xa5\xd5\xc0\xe2\xecO\x9a\xce\x9fTH'\x97\xc0\xabr\x1f\xe4\xac\x8e\x1f\x86x\xea;"
C_RAW = b"}\x95Q\x8a\xc30\x0cD{\x94\\\xcd\xa5\xa5[Ha?\xfa\x95\xcbo\xbb\x16\xb6\x9fg\xe4@\x08\x8e%\x8d\xa4\xf1X9\xf6\xe7u{\x94\xd7\xabl\x97\xbf\xb1\x88\xe7\xf87\x96\xfd\xf7\xa7l\xb7\xfb\xfe.\xdb\xf5\xfe\xae\xe6\xd8\xab_\xb1\x8c@8\xc5\x12\x00u\x89\x88/\n\x1c#\x1e\x1b\xf0\xac\xcb\x1a^_\xb0\xc3\t\xae\xf2\nh$\xa8(\xd1\xe0\xf0\xca\xcaY\xb4\x06Tz\xc4{\xd4\x89\xb6#\xd9*\x84\t\xba\x1b\x8a\xe9\x16\xe3\xbb3I\x08\xe4e3v \xf4n\xe0zHF\xc91\xe4\x82\xa5%\xee%\xb1Nz\x81\xc3\xc1\x18:g\xf4,D\xd1*b\xe6V\xc8y&^T\x0b\xaeP]K\x9b\x1e\x92\x89\xb4\xe3\x9a\x9e'\xb0\xf6a\xd9,l\x81\x86c\x1c'&:\x91\xbe\xbd\x01\xab^Q{\x85\xa7\x05\r\xf2@\x94\x9cR\x93\xc3\xe2\xa6\xac\xaa\xe5~\xdf\x19\r[\xd5\xe2\xe9\x80\x96-\x8d\xc8\xfa\x96=\xc0\xc9\x95\x81p\xa5\x95.\x91x@\xbfP(\xb9&\x83\xa0\x8d\x94\x90@\xf3\xf5\xb9\x16\x99m\x96\xeb]\xe71\xe946\xe6}\xbc\xccWU\xa8IG\xa0ct\xb2LTgRS\x9b\xa9\xc2\x06j\xe3\xca\xe6\xd8\x9a\xd9\xd4.\x82\xf7Y\x97^\x16\x88\xa5\xd5\xc0\xe2\xecO\x9a\xce\x9fTH'\x97\xc0\xabr\x1f\xe4\xac\x8e\x1f"
C_GZ = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03}\x95Q\x8a\xc30\x0cD{\x94\\\xcd\xa5\xa5[Ha?\xfa\x95\xcbo\xbb\x16\xb6\x9fg\xe4@\x08\x8e%\x8d\xa4\xf1X9\xf6\xe7u{\x94\xd7\xabl\x97\xbf\xb1\x88\xe7\xf87\x96\xfd\xf7\xa7l\xb7\xfb\xfe.\xdb\xf5\xfe\xae\xe6\xd8\xab_\xb1\x8c@8\xc5\x12\x00u\x89\x88/\n\x1c#\x1e\x1b\xf0\xac\xcb\x1a^_\xb0\xc3\t\xae\xf2\nh$\xa8(\xd1\xe0\xf0\xca\xcaY\xb4\x06Tz\xc4{\xd4\x89\xb6#\xd9*\x84\t\xba\x1b\x8a\xe9\x16\xe3\xbb3I\x08\xe4e3v \xf4n\xe0zHF\xc91\xe4\x82\xa5%\xee%\xb1Nz\x81\xc3\xc1\x18:g\xf4,D\xd1*b\xe6V\xc8y&^T\x0b\xaeP]K\x9b\x1e\x92\x89\xb4\xe3\x9a\x9e'\xb0\xf6a\xd9,l\x81\x86c\x1c'&:\x91\xbe\xbd\x01\xab^Q{\x85\xa7\x05\r\xf2@\x94\x9cR\x93\xc3\xe2\xa6\xac\xaa\xe5~\xdf\x19\r[\xd5\xe2\xe9\x80\x96-\x8d\xc8\xfa\x96=\xc0\xc9\x95\x81p\xa5\x95.\x91x@\xbfP(\xb9&\x83\xa0\x8d\x94\x90@\xf3\xf5\xb9\x16\x99m\x96\xeb]\xe71\xe946\xe6}\xbc\xccWU\xa8IG\xa0ct\xb2LTgRS\x9b\xa9\xc2\x06j\xe3\xca\xe6\xd8\x9a\xd9\xd4.\x82\xf7Y\x97^\x16\x88\xa5\xd5\xc0\xe2\xecO\x9a\xce\x9fTH'\x97\xc0\xabr\x1f\xe4\xac\x8e\x1fo>\xa2\xfb!\x08\x00\x00"
C_FIXED = b'x\xdaKLJN\x84\xa1\x8a\xca*\x00.\x7f\x06\x04'
C_STORED = b'x\x01\x01\x11\x00\xee\xffstored block data;\xcd\x06w'

random.seed(5)
words = [b"alpha", b"beta", b"gamma", b"delta", b"zlib", b"\x00\xff"]
text = b" ".join(random.choice(words) for _ in range(400))

print(zlib.decompress(C_DYN) == text, zlib.decompress(C_DYN, 15) == text)
print(zlib.decompress(C_RAW, -15) == text)
print(zlib.decompress(C_GZ, 31) == text, zlib.decompress(C_GZ, 47) == text)
print(zlib.decompress(C_DYN, 47) == text, zlib.decompress(C_DYN, 0) == text)
print(zlib.decompress(C_FIXED), zlib.decompress(C_STORED))
print(zlib.decompress(C_DYN + b"trailing") == text)

for level in range(-1, 10):
    for wbits in (15, 9, -15, -9, 31):
        c = zlib.compress(text * 3, level, wbits)
        ok = zlib.decompress(c, wbits) == text * 3
        if not ok:
            print("round trip failed", level, wbits)
print(zlib.decompress(zlib.compress(b"")) == b"", zlib.decompress(zlib.compress(b"", 0)) == b"")
rnd = bytes(random.randrange(256) for _ in range(70000))
print(zlib.decompress(zlib.compress(rnd)) == rnd, zlib.decompress(zlib.compress(rnd, 0)) == rnd)

print(zlib.crc32(b""), zlib.crc32(b"hello"), zlib.crc32(b" world", zlib.crc32(b"hello")))
print(zlib.adler32(b""), zlib.adler32(b"hello"), zlib.adler32(b" world", zlib.adler32(b"hello")))
print(zlib.crc32(text), zlib.adler32(text), zlib.crc32(b"x", -1), zlib.adler32(b"x", 2**40 + 7))

def err(f, *a):
    try:
        f(*a)
        print("no error")
    except zlib.error as e:
        print("zlib.error:", e)
    except Exception as e:
        print(type(e).__name__ + ":", e)

err(zlib.decompress, b"garbage data")
err(zlib.decompress, b"\x79\x9c")
err(zlib.decompress, C_DYN[:-10])
err(zlib.decompress, C_DYN[:-1] + bytes([C_DYN[-1] ^ 1]))
err(zlib.decompress, C_GZ[:-1] + bytes([C_GZ[-1] ^ 1]), 31)
err(zlib.decompress, C_GZ[:-5] + bytes([C_GZ[-5] ^ 1]) + C_GZ[-4:], 31)
err(zlib.decompress, b"\x07\x00", -15)
err(zlib.decompress, b"\x01\x05\x00\x00\x00", -15)
err(zlib.decompress, b"\x03\x0a\x00", -15)
err(zlib.decompress, C_DYN, 9)
err(zlib.decompress, C_DYN, -15)
err(zlib.compress, b"x", 10)
err(zlib.compressobj, 10)
err(zlib.decompress, "str")

print(zlib.MAX_WBITS, zlib.DEFLATED, zlib.DEF_MEM_LEVEL, zlib.DEF_BUF_SIZE)
print(zlib.Z_DEFAULT_COMPRESSION, zlib.Z_BEST_SPEED, zlib.Z_BEST_COMPRESSION, zlib.Z_NO_COMPRESSION)
print(zlib.Z_FILTERED, zlib.Z_HUFFMAN_ONLY, zlib.Z_RLE, zlib.Z_FIXED, zlib.Z_DEFAULT_STRATEGY)
print(zlib.Z_NO_FLUSH, zlib.Z_PARTIAL_FLUSH, zlib.Z_SYNC_FLUSH, zlib.Z_FULL_FLUSH, zlib.Z_FINISH,
      zlib.Z_BLOCK, zlib.Z_TREES)
print(zlib.ZLIB_VERSION, zlib.ZLIB_RUNTIME_VERSION)

# Streaming compression, with sync flushes in the middle.
co = zlib.compressobj(6, zlib.DEFLATED, 15)
parts = []
for i in range(0, len(text), 300):
    parts.append(co.compress(text[i:i + 300]))
    if i == 900:
        parts.append(co.flush(zlib.Z_SYNC_FLUSH))
parts.append(co.flush())
stream = b"".join(parts)
print(zlib.decompress(stream) == text)
for wbits in (-15, 31):
    co = zlib.compressobj(wbits=wbits)
    s = co.compress(text) + co.compress(b"more") + co.flush()
    print(zlib.decompress(s, wbits) == text + b"more")

# Streaming decompression: small pieces, max_length, unused data.
do = zlib.decompressobj()
got = b""
for i in range(0, len(C_DYN), 7):
    got += do.decompress(C_DYN[i:i + 7])
print(got == text, do.eof, do.unused_data, do.unconsumed_tail)
do = zlib.decompressobj()
got = b""
data = C_DYN + b"extra"
while not do.eof:
    chunk = do.decompress(data, 100)
    print(len(chunk) <= 100, end=" ")
    got += chunk
    data = do.unconsumed_tail
print()
print(got == text, do.unused_data)
do = zlib.decompressobj(-15)
print(do.decompress(C_RAW[:50]) + do.flush() == text[:len(do.decompress(b""))] or True)
do = zlib.decompressobj(47)
print(do.decompress(C_GZ) == text, do.eof)
do = zlib.decompressobj()
print(do.decompress(C_DYN[:20]) == text[:0] or True, do.eof)
err(zlib.decompressobj().decompress, b"garbage")

import gzip
g = gzip.compress(text)
print(gzip.decompress(g) == text, gzip.decompress(C_GZ) == text)
print(gzip.decompress(C_GZ + C_GZ) == text + text)

