# chr and ord over the whole code space boundaries, and their errors.
for cp in (0, 65, 127, 128, 255, 256, 0xD7FF, 0xE000, 0xFFFF, 0x10000, 0x10FFFF):
    c = chr(cp)
    print(cp, ord(c) == cp, len(c), ascii(c))
print(ord(b"a"), ord(bytearray(b"z")), ord("\x00"))
for bad in (-1, 0x110000):
    try:
        chr(bad)
    except ValueError as e:
        print(e)
for bad in ("", "ab", 5):
    try:
        ord(bad)
    except TypeError as e:
        print(e)
