# complex: construction, arithmetic, repr with signed zeros, abs, conjugate, and errors.
z = complex(3, 4)
print(z, abs(z), z.real, z.imag, z.conjugate(), z * 1j, z / 2, z ** 2)
print(complex("1+2j"), complex("-3.5j"), complex(" (2-1j) "), complex(2), complex(), 1j ** 2)
print(repr(complex(0, -0.0)), repr(-0j), repr(complex(-0.0, 0)), repr(1e20j), repr(complex(1.5, float("inf"))))
print((1 + 2j) == complex(1, 2), 1j * 1j == -1, hash(3 + 0j) == hash(3))
for bad in ("1+2", "j1", "1 + 2j"):
    try:
        complex(bad)
    except ValueError as e:
        print(e)
try:
    (1 + 1j) < (2 + 2j)
except TypeError as e:
    print(e)
try:
    1j // 2
except TypeError as e:
    print(e)
try:
    1j / 0
except ZeroDivisionError as e:
    print(e)
# literals folded at compile time keep the signed zeros of run-time arithmetic
print(-1.5-0j, 1-0j, -0.0+1j, -0.0-1j, 0-0j, -1-2.5j)
