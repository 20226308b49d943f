# memoryview.toreadonly(): a view that refuses writes, as do its slices, casts and copies, and hashes as its object (a bytearray has none); writes through the original still show
ba = bytearray(b"abcdef")
m = memoryview(ba)
r = m.toreadonly()
print(m.readonly, r.readonly, r.tobytes(), r[1:3].readonly, r.cast("c").readonly, memoryview(r).readonly)
for op in (lambda: r.__setitem__(0, 1), lambda: r[1:3].__setitem__(slice(0, 1), b"x"), lambda: r.__delitem__(0)):
    try:
        op()
    except TypeError as e:
        print("TypeError", e)
try:
    hash(r)
except TypeError as e:
    print("TypeError", e)
print(hash(memoryview(b"ab").toreadonly()) == hash(b"ab"))
m[0] = ord("z")
print(r.tobytes(), bytes(r[::2]))
r.release()
try:
    r.toreadonly()
except ValueError as e:
    print("ValueError", e)
print(memoryview(b"xy").toreadonly().readonly)
try:
    m.toreadonly(1)
except TypeError as e:
    print("TypeError", e)
