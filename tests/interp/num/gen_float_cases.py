#!/usr/bin/env python3.11
"""Writes float_cases.txt: expected behaviour of float operations, as CPython 3.11 shows it.

Run with /usr/bin/python3.11 from this folder. One case a line, fields separated by tabs;
fields escape backslash, tab, newline and other control characters with backslash
sequences. Doubles are written as the 16 hex digits of their bit pattern. An expected
error is written as "!Kind:message".
"""
import math
import random
import struct
import sys

OUT = []


def esc(s):
    out = []
    for ch in s:
        if ch == '\\':
            out.append('\\\\')
        elif ch == '\t':
            out.append('\\t')
        elif ch == '\n':
            out.append('\\n')
        elif ord(ch) < 32 or ord(ch) == 127:
            out.append('\\x%02x' % ord(ch))
        else:
            out.append(ch)
    return ''.join(out)


def bits(x):
    return '%016x' % struct.unpack('<Q', struct.pack('<d', x))[0]


def emit(kind, *fields):
    OUT.append('\t'.join([kind] + [esc(f) for f in fields]))


def outcome(fn, encode):
    try:
        return encode(fn())
    except (ValueError, OverflowError, ZeroDivisionError) as e:
        return '!%s:%s' % (type(e).__name__, e)


rng = random.Random(20240611)
INF = float('inf')
NAN = float('nan')

tricky = [0.0, -0.0, 0.1, 0.2, 0.3, 1/3, 2/3, 1e16, 1e15, 9999999999999998.0, 1e17, 1e-5,
          1e-4, 0.0001234, 5e-324, 1e-323, 2.2250738585072014e-308, 2.225073858507201e-308,
          1.7976931348623157e308, 123456789012345678.0, 1.0, -1.0, 1.5, 100.0, 1e22, 1e23,
          12345.678, -0.5, 0.5, 2.5, 3.5, 2.675, 1.005, 0.125, 0.375, 9.995, 1e300, 1e-300,
          math.pi, -math.e, 4.35, 0.045, 1e100, 123.456, 99.99, 0.999999, 9.9999995,
          999999.5, 1234567.0, 1e-7, 7e22, INF, -INF, NAN]
randoms = []
for _ in range(400):
    randoms.append(struct.unpack('<d', struct.pack('<Q', rng.getrandbits(64)))[0])
for _ in range(200):
    randoms.append(rng.uniform(-1e6, 1e6))
for _ in range(100):
    randoms.append(round(rng.uniform(-1000, 1000), rng.randrange(0, 6)))
randoms = [r for r in randoms if not math.isnan(r)]

# repr
for x in tricky + randoms:
    emit('repr', bits(x), repr(x))

# float(str)
texts = ['1', '1.5', ' 1.5 ', '\t-2.5\n', '+3', '-0', '-0.0', '1_0', '1__0', '_1', '1_', '1_0.5',
         '1_.5', '1._5', '1.5_5', '1e1_0', '1_e5', '1e_5', '1e5_', 'inf', '-inf', '+inf', 'INF',
         'Infinity', '-iNfInItY', 'nan', '-nan', '+NaN', 'nan(1)', 'infinit', 'in_f', '', ' ',
         '.', '.5', '5.', '-.5', '1e', '1e+', 'e5', '1e5', '1E-5', '1e+308', '1e309', '-1e309',
         '1e-324', '3e-324', '1e-400', '0e999999999999', '1e999999999999', '0x10', '0b1', '1j',
         '+-1', '--1', '1 2', '١٢', '١_٢', '١.٥', '\u20031.5\u2003', '１２.５', '\u00a012',
         '1.5\u00e9', '0.1', '0.30000000000000004', '2.2250738585072011e-308',
         '4.9406564584124654e-324', '2.4703282292062327e-324', '2.4703282292062328e-324',
         '1.7976931348623158e308', '1.7976931348623159e308', '00012', '0000.000', '12345678901234567890',
         '1' * 400, '0.' + '0' * 400 + '1', '1' * 400 + 'e-400', '9007199254740993',
         '179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791.9999999999999999999999999999999999999999999999999999999999999999999999']
for x in randoms[:150]:
    texts.append(repr(x))
    texts.append('%.25e' % x)
for t in texts:
    emit('float', t, outcome(lambda: float(t), bits))

# arithmetic
specials = [0.0, -0.0, 1.0, -1.0, 2.5, -2.5, 3.0, -3.0, 0.1, 1e300, -1e300, 5e-324, INF, -INF,
            NAN, 7.0, -7.0, 0.5]
pairs = [(a, b) for a in specials for b in specials]
for _ in range(200):
    pairs.append((rng.uniform(-100, 100), rng.choice([-1, 1]) * rng.uniform(0.01, 10)))
for a, b in pairs:
    emit('truediv', bits(a), bits(b), outcome(lambda: a / b, bits))
    emit('floordiv', bits(a), bits(b), outcome(lambda: a // b, bits))
    emit('mod', bits(a), bits(b), outcome(lambda: a % b, bits))
    emit('divmod', bits(a), bits(b),
         outcome(lambda: divmod(a, b), lambda r: bits(r[0]) + ' ' + bits(r[1])))

pow_values = [0.0, -0.0, 1.0, -1.0, 2.0, -2.0, 0.5, -0.5, 3.0, -3.0, 2.5, -2.5, 1e300, -1e300,
              1e-300, INF, -INF, NAN, 1024.0, -1024.0, 1.5, 1e-320, -7.0]


def pow_outcome(a, b):
    def compute():
        # float.__pow__ hands a negative base with a fractional exponent to complex, whose
        # result (or complex OverflowError) the float library does not produce.
        if a < 0 and math.isfinite(a) and math.isfinite(b) and b != math.floor(b):
            return 'complex'
        r = a ** b
        if isinstance(r, complex):
            return 'complex'
        return bits(r)
    return outcome(compute, lambda r: r)


for a in pow_values:
    for b in pow_values:
        emit('pow', bits(a), bits(b), pow_outcome(a, b))
for _ in range(100):
    a, b = rng.uniform(0, 10), rng.uniform(-20, 20)
    emit('pow', bits(a), bits(b), pow_outcome(a, b))

# round
round_values = tricky + randoms[:200] + [0.5, 1.5, -0.5, -1.5, 2.5, 1e16 + 1, 4503599627370497.0,
                                         -4503599627370495.5, 0.49999999999999994, 2.0 ** 53]
for x in round_values:
    emit('round1', bits(x), outcome(lambda: float(round(x)), bits))
round_cases = [(2.675, 2), (1.005, 2), (0.125, 2), (0.375, 2), (2.5, 0), (3.5, 0), (-2.5, 0),
               (1234.5678, -2), (1250.0, -2), (1350.0, -2), (-1250.0, -2), (5.5, -1), (15.0, -1),
               (25.0, -1), (1e300, -300), (1.7976931348623157e308, -308),
               (1.7976931348623157e308, -307), (-0.001, 2), (0.001, 2), (5e-324, 323),
               (5e-324, 324), (1e-320, 322), (5.5, -400), (-5.5, -400), (1.23, 400), (0.0, 3),
               (-0.0, -3), (INF, 2), (-INF, -2), (NAN, 1), (0.5, 0), (0.05, 1), (0.15, 1),
               (0.25, 1), (0.35, 1), (123456.789, 1), (9.995, 2), (99.95, 1), (0.285, 2),
               (1.0000000000000002, 15), (1.0000000000000002, 16), (7e22, -22), (5e22, -23)]
for x in randoms[:150]:
    round_cases.append((x, rng.randrange(-10, 20)))
for x, n in round_cases:
    emit('round', bits(x), str(n), outcome(lambda: round(x, n), bits))

# hex / fromhex
for x in tricky + randoms[:150]:
    emit('hex', bits(x), x.hex())
hexes = ['0x1.8p1', ' -0X1P-1074 ', '0x1p-1075', '0x3p-1076', '0x1.fffffffffffff8p1023',
         '0x1.fffffffffffff7p1023', '0x1.fffffffffffffp1023', '1.', '.', '0x.p1', 'infinity',
         '-nan', 'INF', '+inf', '0x1p', '0x1p+', '0x1_0', 'ff', '0x', '', ' ', '0x0p0',
         '-0x0p0', '0x0.0000000000001p-1022', '0x1.0000000000000ep0', '0x1.00000000000008p0',
         '0x1.00000000000018p0', '0x1.000000000000080000000001p0', '0x.8p1', '0x1.p1', '0X1P+1',
         '0x1p99999999999999999999', '0x1p-99999999999999999999', '0x0p99999999999',
         '0x1.1p-1074', '0x1.8p-1074', '0x2.8p-1075', '0x1p1024', '0x0.8p1025', '0x1p1023',
         '1p10', 'a.bp-3', '0x1 p1', '0x1p1 ', '\t0x1p1\n', 'x1p1', '0xg', '0x1.2.3', '0x1e',
         '0x' + 'f' * 300 + 'p-1200', '0x' + '0' * 300 + '1p0', '0x0.' + '0' * 300 + '1p1200',
         '0x1.fffffffffffffp-1023', '0x1.ffffffffffffe8p-1023', '0x1p-1022', '0x0.fffffffffffff8p-1022']
for x in randoms[:100]:
    hexes.append(x.hex())
for t in hexes:
    emit('fromhex', t, outcome(lambda: float.fromhex(t), bits))

# hash, as_integer_ratio, is_integer
for x in tricky + randoms[:200] + [2.0 ** 61, 2.0 ** 61 - 2 ** 9, -1.0, -2.0 ** 61, 2.0 ** 100,
                                   2.0 ** -100, 1e-320]:
    if not math.isnan(x):
        emit('hash', bits(x), str(hash(x)))
    emit('ratio', bits(x), outcome(lambda: x.as_integer_ratio(), lambda r: '%d/%d' % r))
    emit('isint', bits(x), str(x.is_integer()))

with open('float_cases.txt', 'w', encoding='utf-8') as f:
    f.write('\n'.join(OUT) + '\n')
print('wrote %d cases' % len(OUT), file=sys.stderr)
