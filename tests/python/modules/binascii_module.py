# binascii: base64 (strict and lenient decoding, newline=), hex with separators, CRC-32
# and CRC-CCITT, uuencode and quoted-printable lines: known vectors, round trips of
# varied data, str and bytes-like arguments, and the errors with their messages.
import binascii


def show(f, *args, **kwargs):
    try:
        print(repr(f(*args, **kwargs)))
    except Exception as e:
        print(type(e).__module__, type(e).__name__, e)


print(binascii.Error.__mro__, binascii.Incomplete.__mro__)
print(binascii.Error.__module__, binascii.Error.__name__, issubclass(binascii.Error, ValueError))

# base64 known vectors (RFC 4648) and round trips
for data in [b"", b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar", bytes(range(256))]:
    enc = binascii.b2a_base64(data)
    print(enc[:40], binascii.b2a_base64(data, newline=False)[-4:],
          binascii.a2b_base64(enc) == data, binascii.a2b_base64(enc.decode()) == data,
          binascii.a2b_base64(enc[:-1], strict_mode=True) == data)
seed = 12345
blob = bytearray()
for i in range(3000):
    seed = (seed * 1103515245 + 12345) % (1 << 31)
    blob.append(seed >> 16 & 255)
for n in range(0, 70):
    piece = bytes(blob[n * 37:n * 37 + n])
    assert binascii.a2b_base64(binascii.b2a_base64(piece)) == piece
    assert binascii.unhexlify(binascii.hexlify(piece)) == piece
    assert binascii.a2b_qp(binascii.b2a_qp(piece)) == piece, n
    assert binascii.a2b_qp(binascii.b2a_qp(piece, True, False, True), header=True) == piece, n
print("round trips ok")
show(binascii.b2a_base64, memoryview(b"memory"))
show(binascii.b2a_base64, bytearray(b"array"), newline=0)
show(binascii.a2b_base64, bytearray(b"YWJj"))
show(binascii.a2b_base64, memoryview(b"YW Jj\n"))

# lenient and strict base64 decoding
for text in [b"abcde", b"abcdefghi", b"abcdefghi==", b"ab", b"abc", b"a===", b"ab=c",
             b"ab==cd==", b"ab=", b"YW=Jj", b"Y!W#J$j", b"YWJj\n", b"=YWJj", b"YWJj====",
             b"YQ==YQ==", b"YQ", b"YQ=", b"YQ===", b"", b"\n", b"====", b"Y", b"YWJjZA==\n"]:
    print(text, end=" ")
    show(binascii.a2b_base64, text)
    print("  strict", end=" ")
    show(binascii.a2b_base64, text, strict_mode=True)

# hex
for args in [(b"\x00\x01\xab\xff",), (b"abcdef", ":"), (b"abcdef", b":", 2),
             (b"abcdef", ":", -2), (b"abcdefg", "-", 3), (b"abcdefg", "-", -3), (b"", ":"),
             (b"abc", "xy"), (b"abc", "\xe9"), (b"abc", ":", 0), (b"abcd", ".", 10)]:
    show(binascii.hexlify, *args)
show(binascii.b2a_hex, b"\x12\x34", sep=" ", bytes_per_sep=1)
show(binascii.hexlify, data=b"kw")
for text in ["00ff10", b"ABCDEF", "abc", "abcg", b"0g", "", bytearray(b"7e7f"), "\xe9\xe9"]:
    show(binascii.unhexlify, text)
    show(binascii.a2b_hex, text)

# CRCs
for data, crc in [(b"", 0), (b"123456789", 0), (b"The quick brown fox", 0), (b"abc", -1),
                  (b"abc", 2**70 + 5), (b"abc", 0xdeadbeef), (bytes(range(256)) * 10, 7)]:
    print(binascii.crc32(data, crc), binascii.crc_hqx(data, crc), binascii.crc32(data))
crc = binascii.crc32(b"hello ")
print(binascii.crc32(b"world", crc) == binascii.crc32(b"hello world"))
print(binascii.crc_hqx(b"world", binascii.crc_hqx(b"hello ", 0)) == binascii.crc_hqx(b"hello world", 0))

# uuencode
for data in [b"", b"\x00\x00\x00", b"Cat", b"hello world", bytes(range(45))]:
    line = binascii.b2a_uu(data)
    print(line, binascii.b2a_uu(data, backtick=True), binascii.a2b_uu(line) == data)
for line in [b"", b"\n", b"#0V%T\n", b"#0V%T   \n", b"#0V%T``\n", b"#0V%", b"!!!!!", b"!\x7f"]:
    show(binascii.a2b_uu, line)
show(binascii.b2a_uu, b"x" * 46)

# quoted-printable
for data in [b"hello world", b"tab\tend \n", b"a=b", b"caf\xe9", b".\n", b"line1\r\nline2 \r\n",
             b"x" * 100, b"y" * 74 + b"=z", b"under_score and space", b"ends with space ",
             b"\x00\x01 \t\n.", b"a\rb\nc"]:
    print(binascii.b2a_qp(data), binascii.b2a_qp(data, quotetabs=True),
          binascii.b2a_qp(data, istext=False), binascii.b2a_qp(data, header=True))
for text in [b"a=4", b"=4g=41=\r\nx=\n==_", b"soft=\nbreak", b"hex=3D=3d", b"end=",
             "str=20arg", b"a_b", b"=\r\n"]:
    print(binascii.a2b_qp(text), binascii.a2b_qp(text, header=True))

# argument errors
show(binascii.b2a_base64, "text")
show(binascii.b2a_base64, b"ab", True)
show(binascii.a2b_base64, b"abcd", True)
show(binascii.a2b_base64, "ab\xe9")
show(binascii.a2b_base64, 5)
show(binascii.hexlify, "text")
show(binascii.crc32, b"abc", 1.0)
show(binascii.crc32, b"abc", crc=3)
show(binascii.crc_hqx, b"abc")
show(binascii.crc32, "text")
show(binascii.unhexlify)
show(binascii.a2b_base64, b"", bogus=1)
