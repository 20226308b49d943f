# bytearray: mutable bytes supporting item/slice assignment, append/extend/pop/insert/remove.
ba = bytearray(b"hello")
ba[0] = ord("J")
ba[1:3] = b"EE"
ba.append(33)
ba.extend(b"??")
print(ba, len(ba), ba.pop(), ba.pop(0), ba)
ba.insert(0, 74)
ba.remove(ord("E"))
print(ba, ba.upper(), bytes(ba), ba == b"JElo!?", ba.decode())
del ba[::2]
print(ba)
ba += b"xyz"
ba *= 2
print(ba, ba.find(b"z"), ba.count(b"x"), ba.replace(b"x", b""))
for bad in (lambda: ba.append(256), lambda: ba.remove(0), lambda: bytearray().pop(), lambda: ba.__setitem__(0, b"ab")):
    try:
        bad()
    except (ValueError, IndexError, TypeError) as e:
        print(type(e).__name__, e)
print(bytearray(3), bytearray([1, 2]), bytearray("é", "utf-8"), repr(bytearray()))
