# Arbitrary-precision integers: factorials, powers, mixed-sign division and conversions of huge values.
import math

f = math.factorial(40)
print(f, f.bit_length(), len(str(f)))
big = 3 ** 200
print(big)
print(big // 7 ** 50, big % 7 ** 50, -big // 10 ** 40, -big % 10 ** 40)
print((2 ** 100 + 1) * (2 ** 100 - 1) == 2 ** 200 - 1)
print(2 ** 127 - 1, hex(2 ** 127 - 1), oct(2 ** 70), bin(2 ** 65 + 1))
print(int("9" * 50) + 1, -(10 ** 30) >> 3, (10 ** 30) << 5)
print(abs(-(2 ** 90)), (2 ** 90).to_bytes(12, "big"), int.from_bytes(b"\xff" * 10, "little", signed=True))
print(divmod(-(10 ** 25), 7), math.gcd(2 ** 80, 6 ** 40), math.isqrt(10 ** 40 + 1))
