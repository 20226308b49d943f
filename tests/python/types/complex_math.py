# complex arithmetic identities and cmath functions with exact results.
import cmath

print(cmath.sqrt(-1), cmath.exp(0), cmath.polar(1j), cmath.rect(1, 0), abs(cmath.exp(1j * cmath.pi) + 1) < 1e-15)
z = 2 + 3j
print(z + 1, z - 1j, z * z.conjugate(), (z * z.conjugate()).real, z / z, pow(z, 0), z ** 1)
print(complex(1, 2) == 1 + 2j, (1 + 2j).__abs__() == abs(1 + 2j), format(1 + 2j, "^12"), f"{3 - 4j:.2f}")
