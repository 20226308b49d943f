# str(): decoding when only errors= is given and from any buffer; str.__format__ with an
# empty spec calls __str__; %c takes any __index__ object; field names with '{' or a
# too-long index are ValueErrors; joining or repeating one exact str gives it back.
import array

print(repr(str(b'\xc2\xa2', errors='strict')), repr(str(b'\xff', errors='replace')))
print(str(memoryview(b'foo'), 'ascii'), str(bytearray(b'x'), errors='strict'),
      str(array.array('b', [65]), 'ascii'))
for args in [('a', 'utf-8'), (1, 'utf-8')]:
    try:
        str(*args)
    except TypeError as e:
        print(e)


class S(str):
    def __str__(self):
        return '__str__ overridden'


print(format(S('xxx')), '{}'.format(S('x')), f"{S('x')}", '%s' % S('x'),
      repr(format(S('xxx'), '>5')))


class PseudoInt:
    def __index__(self):
        return 109


print('%c' % PseudoInt(), '%c' % 'z')
for v in ['ab', 1.5, 0x110000]:
    try:
        '%c' % v
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
for f in ["{a{}b}", "{a{b}", "{a{", "{[" + "9" * 50 + "]}", "{" + "9" * 50 + "}", "{0[}"]:
    try:
        print(repr(f.format([42], a=1)))
    except Exception as e:
        print(f[:8], type(e).__name__, e)
a = '123abc1@'
print(a * 1 is a, 1 * a is a, ''.join([a]) is a, type(S('x') * 1).__name__)
b = b'ab'
t = (1, 2)
print(b * 1 is b, t * 1 is t, t * PseudoInt() == t * 109)
