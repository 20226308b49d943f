# Every comparison operator between ints, floats, NaN and infinities, at the edges where
# a double stops holding an int exactly (2**53): the fast paths must answer as CPython.
nan = float('nan'); inf = float('inf')
vals = [0, -0.0, 0.0, 1, 1.5, -1, 2**53, 2**53 + 1, float(2**53), 2**62, 2**62 + 1, float(2**62), nan, inf, -inf, 0.1, 1e300]
out = []
for a in vals:
    for b in vals:
        out.append(''.join('1' if f(a, b) else '0' for f in (lambda a, b: a < b, lambda a, b: a <= b, lambda a, b: a == b, lambda a, b: a != b, lambda a, b: a > b, lambda a, b: a >= b)))
print(' '.join(out))
