# MemoryError raised by the runtime for results too big to allocate: the exception
# caught is a MemoryError instance with no arguments, and an uncaught one prints a
# traceback after everything the program printed before it. Every case below fails
# at once in CPython 3.11 (a size check or a refused allocation), not after filling memory.
# (bytearray * n and bytearray.ljust are left out: CPython 3.11 also writes a spurious
# "SystemError: deallocated bytearray object has exported buffers" for them.)
import array


def imul(x, n):
    x *= n
    return x

print('before the errors')

CASES = [
    ('list * n', lambda: [0] * (2**62)),
    ('n * list', lambda: (2**62) * [0]),
    ('list of 2 * n', lambda: [0, 1] * (2**61)),
    ('list *= n', lambda: imul([0, 1], 2**62)),
    ('list of None * max', lambda: [None] * (2**63 - 1)),
    ('list.extend', lambda: [].extend([0] * (2**62))),
    ('list(range)', lambda: list(range(2**62))),
    ('tuple(range)', lambda: tuple(range(2**62))),
    ('sorted(range)', lambda: sorted(range(2**62))),
    ('tuple * n', lambda: (0,) * (2**62)),
    ('str * n', lambda: 'a' * (2**62)),
    ('n * str', lambda: (2**62) * 'a'),
    ('str of 2 * n', lambda: 'ab' * (2**61)),
    ('str.ljust', lambda: 'a'.ljust(2**62)),
    ('str.center', lambda: 'a'.center(2**62)),
    ('str.zfill', lambda: 'abc'.zfill(2**62)),
    ('format width', lambda: '{:2000000000000000000}'.format(1)),
    ('bytes * n', lambda: b'a' * (2**62)),
    ('bytes(n)', lambda: bytes(2**62)),
    ('bytes.ljust', lambda: b'a'.ljust(2**62)),
    ('bytes.zfill', lambda: b'abc'.zfill(2**62)),
    ('bytearray(n)', lambda: bytearray(2**62)),
    ('bytearray *= n', lambda: imul(bytearray(b'ab'), 2**62)),
    ('int << n', lambda: 1 << (2**62)),
    ('array * n', lambda: array.array('i', [1]) * (2**62)),
    ('array *= n', lambda: imul(array.array('i', [1]), 2**62)),
]

for label, make in CASES:
    try:
        make()
    except MemoryError as e:
        print(label, type(e).__name__, repr(e), e.args, str(e) == '')
    else:
        print(label, 'no error')


# Past what a size can count, str and bytes repetition is an OverflowError instead.
for label, make in [
    ('str of 3 * 2**62', lambda: 'abc' * (2**62)),
    ('str of 2 * 2**62', lambda: '\u20ac\u20ac' * (2**62)),
    ('bytes of 2 * 2**62', lambda: b'ab' * (2**62)),
    ('bytearray of 2 * 2**62', lambda: imul(bytearray(b'ab'), 2**62)),
    ('list of 2 * 2**62', lambda: [1, 2] * (2**62)),
    ('tuple of 2 * 2**62', lambda: (1, 2) * (2**62)),
]:
    try:
        make()
    except (MemoryError, OverflowError) as e:
        print(label, repr(e))


# The same exception through an ordinary except clause, a base class and raise from.
def nested():
    try:
        return [0] * (2**62)
    except Exception as e:
        raise RuntimeError('wrapped') from e


try:
    nested()
except RuntimeError as e:
    print('cause', repr(e.__cause__), isinstance(e.__cause__, MemoryError))

# Two raises give two distinct instances.
errors = []
for _ in range(2):
    try:
        'x' * (2**62)
    except MemoryError as e:
        errors.append(e)
print('distinct', errors[0] is not errors[1])

print('last line before the uncaught one')
b'a' * (2**62)
print('not reached')
