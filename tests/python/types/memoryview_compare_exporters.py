# A memoryview equals any buffer exporter whose shape matches and whose items are equal
# as each side's format reads them; it takes exactly one argument.
import array


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


a = array.array('i', [1, 2, 3])
m = memoryview(a)
raw = a.tobytes()
print(m == a, a == m, m == array.array('i', [1, 2, 3]), m == array.array('l', [1, 2, 3]))
print(m == array.array('i', [1, 2, 4]), m == raw, m != raw, m == memoryview(raw).cast('i'))
print(memoryview(array.array('d', [1.0, 2.5])) == array.array('f', [1.0, 2.5]))
print(memoryview(array.array('d', [float('nan')])) == array.array('d', [float('nan')]))
b = memoryview(b'abcdef')
print(b == b'abcdef', b == bytearray(b'abcdef'), b == b'abcdeg', b'abcdef' == b, b == 'abcdef')
print(b[::2] == b'ace', b == array.array('B', b'abcdef'), b == array.array('b', b'abcdef'))
print(b.cast('B', (2, 3)) == b'abcdef', b == 5, b != None)
r = memoryview(b'xy')
r.release()
print(r == r, r == b'xy')
show(lambda: memoryview(b'a', b'a'))
show(lambda: memoryview(b'a', object=b'a'))
show(lambda: bytes(memoryview(object=b'kw')))
show(lambda: memoryview())
