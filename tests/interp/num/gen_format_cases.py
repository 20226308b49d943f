#!/usr/bin/env python3.11
"""Writes format_cases.txt: format() of str, int and float and printf-style % formatting,
as CPython 3.11 does them.

Run with /usr/bin/python3.11 from this folder. Same line format as gen_float_cases.py:
tab-separated fields with backslash escapes, doubles as bit patterns, errors as
"!Kind:message".
"""
import itertools
import random
import struct
import sys



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

OUT = []


def emit(kind, *fields):
    OUT.append('\t'.join([kind] + [esc(f) for f in fields]))


def outcome(fn):
    try:
        return fn()
    except (ValueError, OverflowError, ZeroDivisionError) as e:
        return '!%s:%s' % (type(e).__name__, e)


rng = random.Random(7)
INF = float('inf')
NAN = float('nan')

# Specs built from the grammar's pieces, plus hand-picked oddities.
fills = ['', '<', '>', '^', '=', '*<', '*>', '*^', '*=', '0<', '0=', 'é^', '€>']
signs = ['', '+', '-', ' ']
widths = ['', '1', '8', '12', '015', '09']
groupings = ['', ',', '_']
precisions = ['', '.0', '.1', '.3', '.10']
float_types = ['', 'e', 'E', 'f', 'F', 'g', 'G', 'n', '%']
int_types = ['', 'b', 'c', 'd', 'o', 'x', 'X', 'n', 'e', 'f', 'g', '%']

float_values = [0.0, -0.0, 1.0, -1.0, 1.5, 0.1, 2.5, -2.5, 12.0, 100.0, 1234.5, 1234567.0,
                1e16, 1e15, 1e-5, 0.0001, 1e-4, 123456789.123, -0.0001, 1e22, 1e100, 5e-324,
                1.7976931348623157e308, 0.5, 9.9999, 99.99, 0.999, -1234567.891, 3.14159265,
                INF, -INF, NAN, 1e-7, 123.456, 0.00012345, 1e300]
odd_specs = ['=', 'z', 'z.1f', 'z.0f', 'z.2e', 'z%', 'zg', '#', '#.0', '#.3', '.0', '.3', '.17',
             '.20', '.1e', '#.0e', '#.0f', '#g', '#.1g', '#.0g', '.0g', '.0%', '#.0%',
             '010', '010,', '011,.1f', '012_.2f', '0=12,.3f', '0>12,', '*^20,.2f', 'x<05',
             '<05', '05', '+010.2f', ' 010.2e', '-010', '020,.3e', ',g', ',e', '_%', '_n', ',n',
             'abc', '.', 'd', 's', 'x', 'c', ',,', '__', ',_', '_,', '\x01', ',\x01', ',é',
             '99999999999999999999', '.99999999999999999999', '.2,f', '10.2.3', '+z#010,.2f',
             '#+f', 'z+', '=+10', '+=10', 'é', '1000', '.50f', '.100e', '#.30g', '.340f',
             '.330e', '^', '*^', '0', '00', '0010', '+', ' ', 'é>10.3', '\u20ac^12,.2f']

float_specs = set(odd_specs)
for f, s, w, g, p, t in itertools.product(fills, signs, widths, groupings, precisions,
                                          float_types):
    if rng.random() < 0.008:
        float_specs.add(f + s + w + g + p + t)
float_specs = sorted(float_specs)
for x in float_values:
    for spec in float_specs:
        if rng.random() < 0.35 or spec in odd_specs:
            emit('ffmt', bits(x), spec, outcome(lambda: format(x, spec)))
for _ in range(300):
    x = struct.unpack('<d', struct.pack('<Q', rng.getrandbits(64)))[0]
    spec = rng.choice(float_specs)
    emit('ffmt', bits(x), spec, outcome(lambda: format(x, spec)))

int_values = [0, 1, -1, 7, -7, 12, 255, -255, 1234, -1234, 65, 0x1F600, 0x10FFFF, 0x110000,
              1234567, -1234567, 2 ** 31, 2 ** 53 + 1, 2 ** 63 - 1, -2 ** 63, 2 ** 64 + 3,
              -(2 ** 64), 2 ** 70, 10 ** 30 + 7, -(10 ** 30), 2 ** 127 - 1]
int_odd_specs = ['', 'c', '+c', '#c', '5c', '<5c', 'zd', 'z', '.2', '.2d', 'z.2', '+z', '#x',
                 '#X', '#b', '#o', '+#x', '#+x', '010,', '06,', '08,', '09,', '#010_x',
                 '#09_b', '_x', '_o', '_b', '_d', ',x', ',b', ',d', 'x=+10', '0=10,', '0>10,',
                 '*^15,', '#0=12x', ' 05', '-05', '+05', '=', '=#', '#=', 'n', ',n', '_n', 's',
                 '=s', 'abc', '.', '010,.2f', ',.3e', '%', '.1%', 'g', '#g', 'e', 'E', 'F',
                 'é^9,', '0<08', '^#012_X', '#_o', '99999999999999999999']
int_specs = set(int_odd_specs)
for f, s, w, g, t in itertools.product(fills, signs, widths, groupings, int_types):
    if rng.random() < 0.05:
        int_specs.add(f + s + ('#' if rng.random() < 0.3 else '') + w + g + t)
int_specs = sorted(int_specs)
for n in int_values:
    for spec in int_specs:
        if rng.random() < 0.4 or spec in int_odd_specs:
            emit('ifmt', str(n), spec, outcome(lambda: format(n, spec)))

str_values = ['', 'a', 'ab', 'hello', 'héllo', '日本語', 'x\ty', '€uro', '😀!']
str_specs = ['', 's', '5', '<5', '>5', '^5', '^6', '*^7', '.2', '.0', '10.3', '<10.3s', '=5',
             '+', '-', ' ', 'z', '#', '05', '0<5', 'x<05', ',', '_', 'd', 'x', '\x01', 'é',
             'abc', '.', 'é^9', '😀>4', '=s', '+=s', '#=', '=#', '99999999999999999999',
             '.99999999999999999999', '12', '^3']
for t in str_values:
    for spec in str_specs:
        emit('sfmt', t, spec, outcome(lambda: format(t, spec)))

# printf-style: one conversion applied to one value. Fields: the conversion spec (from
# '%' to the conversion character), the value, the result.
pct_int_specs = ['%d', '%i', '%u', '%5d', '%-5d|', '%05d', '%+d', '% d', '% +d', '%.3d',
                 '%08.3d', '%-08d|', '%+08.3d', '%x', '%X', '%#x', '%#X', '%#08x', '%#.4x',
                 '%o', '%#o', '%#.0o', '%-#10o|', '%+x', '% o', '%0-8d|', '%10.5x', '%#010X',
                 '%ld', '%hd', '%Ld', '%.0d', '%#-12.6x|', '%3%']
for n in [0, 1, -1, 5, -5, 255, -255, 8, 1234567, -1234567, 2 ** 64 + 3, -(10 ** 25)]:
    for spec in pct_int_specs:
        if spec == '%3%':
            continue
        emit('pint', spec, str(n), outcome(lambda: spec % n))
pct_float_specs = ['%f', '%e', '%E', '%g', '%G', '%F', '%5.2f', '%-8.3f|', '%08.2f', '%+e',
                   '% f', '%#g', '%#.0f', '%#.0e', '%.0e', '%.0f', '%10.4g', '%-+12.3e|',
                   '%010f', '%-010f|', '% 010.2f', '%.10g', '%.20f', '%.17g', '%#x' if False else '%#G',
                   '%.3g', '%+.1F', '%0+12.4E', '%.0g', '%#.3g', '%.100f']
for x in [0.0, -0.0, 1.0, -1.5, 0.1, 2.5, 1e16, 1e-5, 123456.789, -1e300, 5e-324, INF, -INF,
          NAN, 0.0001, 1234567.0, 99.999]:
    for spec in pct_float_specs:
        emit('pflt', spec, bits(x), outcome(lambda: spec % x))
pct_str_specs = ['%s', '%r', '%a', '%5s', '%-5s|', '%.1s', '%05s', '%010.3s', '%.0s', '%-+#7s|',
                 '%3.5s']
for t in ['', 'ab', 'abcdef', 'héllo', '日本']:
    for spec in pct_str_specs:
        emit('pstr', spec, t, outcome(lambda: spec % (t if spec[-1] == 's' else t)))
for c in ['x', 'é', '😀']:
    for spec in ['%c', '%5c', '%-3c|', '%05c']:
        emit('pstr', spec, c, outcome(lambda: spec % c))

# Errors of the % spec parser, which reports them before looking at any value.
for fmt in ['%', '%(a', '%y', 'abc%5.2y', '%(a)5', '%é', '%(a)(b)d', '%99999999999999999999d',
            '%.99999999999999999999d', '%(a)', '%-', '%5', '%.', 'ab%']:
    emit('pspec', fmt, outcome(lambda: fmt % {'a': 1}))

with open('format_cases.txt', 'w', encoding='utf-8') as f:
    f.write('\n'.join(OUT) + '\n')
print('wrote %d cases' % len(OUT), file=sys.stderr)
