#!/usr/bin/python3.11
"""Writes bigint_cases.txt: operations on big integers with CPython 3.11's results.

Run from this folder with python3.11 (the oracle). The seed is fixed so the file is
reproducible. Format, one case per line:  op arg... = result...  where
  an int is signed hex ("-1f", "0"); text and bytes are "x" + hex of their bytes;
  a float is the 16 hex digits of its IEEE bits; an error is "!ExceptionName x<message>".
"""
import math
import random
import struct
import sys

assert sys.version_info[:2] == (3, 11), "the oracle is CPython 3.11"
rng = random.Random(20240611)


def I(n):
    return ("-" if n < 0 else "") + format(abs(n), "x")


def T(s):
    if isinstance(s, str):
        s = s.encode("ascii")
    return "x" + s.hex()


def F(d):
    return struct.pack(">d", d).hex()


def E(exc):
    return "!" + type(exc).__name__ + " " + T(str(exc))


DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def to_base(n, base):
    if n == 0:
        return "0"
    neg, n, out = n < 0, abs(n), []
    while n:
        n, d = divmod(n, base)
        out.append(DIGITS[d])
    s = ("-" if neg else "") + "".join(reversed(out))
    assert int(s, base) == (-abs(int(s, base)) if neg else int(s, base))
    return s


lines = []


def case(op, args, fn):
    try:
        res = fn()
        if not isinstance(res, tuple):
            res = (res,)
    except (ZeroDivisionError, ValueError, OverflowError) as exc:
        res = (E(exc),)
    lines.append(" ".join([op, *args, "=", *res]))


def special_values():
    base = [0, 1, 2, 3, 7, 10, 255, 256, 2**31, 2**32 - 1, 2**53 - 1, 2**53, 2**53 + 1,
            2**62, 2**63 - 1, 2**63, 2**63 + 1, 2**64 - 1, 2**64, 2**64 + 1, 2**127,
            2**128 - 1, 2**128, 2**128 + 1, 2**192 + 2**64, 3**100, 10**30, 10**40 + 7]
    return [s * v for v in base for s in (1, -1) if not (v == 0 and s == -1)]


def rand_int(max_bits=320):
    kind = rng.random()
    if kind < 0.2:
        bits = rng.choice([63, 64, 65, 127, 128, 129, 191, 192, 193])
    else:
        bits = rng.randint(0, max_bits)
    n = rng.getrandbits(bits) if bits else 0
    if rng.random() < 0.15 and n:
        # Runs of ones and zeros stress carries and borrows.
        n = (1 << bits) - 1 if rng.random() < 0.5 else 1 << (bits - 1)
    return -n if rng.random() < 0.5 else n


SPECIAL = special_values()

# --- arithmetic over every pair of special values, then random pairs ---------------------
PAIRED = [s * v for v in (0, 1, 3, 2**63 - 1, 2**63, 2**64 - 1, 2**64, 2**64 + 1, 2**128 - 1,
                           2**128, 2**128 + 1, 3**100) for s in (1, -1) if v]
pairs = [(a, b) for a in [0] + PAIRED for b in [0] + PAIRED]
pairs += [(rand_int(), rand_int()) for _ in range(300)]
pairs += [(rand_int(3000), rand_int(2500)) for _ in range(4)]
for a, b in pairs:
    A, B = I(a), I(b)
    case("add", [A, B], lambda: I(a + b))
    case("sub", [A, B], lambda: I(a - b))
    case("mul", [A, B], lambda: I(a * b))
    case("floordiv", [A, B], lambda: I(a // b))
    case("mod", [A, B], lambda: I(a % b))
    case("divmod", [A, B], lambda: tuple(map(I, divmod(a, b))))
    case("and", [A, B], lambda: I(a & b))
    case("or", [A, B], lambda: I(a | b))
    case("xor", [A, B], lambda: I(a ^ b))
    case("cmp", [A, B], lambda: I((a > b) - (a < b)))
    case("gcd", [A, B], lambda: I(math.gcd(a, b)))

# --- unary operations ---------------------------------------------------------------------
singles = SPECIAL + [rand_int() for _ in range(200)] + [rand_int(5000) for _ in range(3)]
for a in singles:
    A = I(a)
    case("neg", [A], lambda: I(-a))
    case("abs", [A], lambda: I(abs(a)))
    case("invert", [A], lambda: I(~a))
    case("bitlen", [A], lambda: I(a.bit_length()))
    case("bitcount", [A], lambda: I(a.bit_count()))
    case("hash", [A], lambda: I(hash(a)))
    case("isqrt", [A], lambda: I(math.isqrt(a)))
    case("todouble", [A], lambda: F(float(a)))
    for base in (2, 8, 10, 16, 36):
        case("str", [A, I(base), I(0)], lambda: T(to_base(a, base)))

# --- shifts -------------------------------------------------------------------------------
counts = [0, 1, 2, 31, 63, 64, 65, 127, 128, 129, 200, 1000, -1, -64, 2**64 + 5]
for a in SPECIAL + [rand_int() for _ in range(40)]:
    for n in counts:
        if n >= 2**63 and a != 0:
            # a << 2**64 asks for a memory no machine has: MemoryError, tested by hand.
            case("rshift", [I(a), I(n)], lambda: I(a >> n))
            continue
        case("lshift", [I(a), I(n)], lambda: I(a << n))
        case("rshift", [I(a), I(n)], lambda: I(a >> n))

# --- powers ---------------------------------------------------------------------------------
for a in SPECIAL[:30] + [rand_int(200) for _ in range(40)]:
    for e in (0, 1, 2, 3, 5, 17, 64):
        case("pow", [I(a), I(e)], lambda: I(a**e))
mods = [1, -1, 2, 7, 10, -10, 2**64 - 59, -(2**64 + 13), 10**40 + 7, 2**127 - 1, 2**128, 0]
for _ in range(250):
    a, e, m = rand_int(300), rand_int(130), rng.choice(mods + [rand_int(250) for _ in range(3)])
    case("powmod", [I(a), I(e), I(m)], lambda: I(pow(a, e, m)))
for a in (0, 1, -1, 2, 3, 6, -7, 10**20):
    for e in (0, 1, -1, -2, -5, 2**70 + 1):
        for m in (0, 1, -1, 7, -7, 12, 2**64 + 1, -(10**40 + 7)):
            case("powmod", [I(a), I(e), I(m)], lambda: I(pow(a, e, m)))

# Inverses modulo primes and odd moduli of several limbs (negative exponents).
for m in (2**127 - 1, 2**521 - 1, -(2**521 - 1), 3**200, 10**60 + 1):
    for _ in range(8):
        a, e = rand_int(600), -rng.randint(1, 2**70)
        case("powmod", [I(a), I(e), I(m)], lambda: I(pow(a, e, m)))

# --- round(int, ndigits) ----------------------------------------------------------------------
for a in (0, 5, -5, 15, 25, -25, -35, 149, 150, 250, -250, 251, 10**20 + 5 * 10**9,
          10**20 + 15 * 10**9, -(10**20) - 5 * 10**9, 2**64, -(2**64) - 1) + tuple(
        rand_int(200) for _ in range(30)):
    for n in (3, 0, -1, -2, -3, -10, -19, -20, -21, -60, -61, -1000, -(2**64)):
        if n < -(2**32):
            # CPython computes 10**-n first and never finishes; the value is 0 (|a| < 10**-n / 2).
            assert abs(a) * 2 < 10**1000
            case("round", [I(a), I(n)], lambda: I(0))
            continue
        case("round", [I(a), I(n)], lambda: I(round(a, n)))

# --- text -----------------------------------------------------------------------------------
texts = [
    ("0", 10), ("-0", 10), ("+0", 10), ("  42  ", 10), ("\t-17\n", 10), ("\x0b\x0c1\r", 10),
    ("1_000_000", 10), ("1__0", 10), ("_1", 10), ("1_", 10), ("+_1", 10), ("- 1", 10),
    ("+-1", 10), ("", 10), ("   ", 10), ("12a", 10), ("12 3", 10), ("\x1c5", 10),
    ("0x1f", 16), ("0X1F", 16), ("0x_1f", 16), ("0x__1f", 16), ("0x", 16), ("1f", 16),
    ("0b101", 2), ("0b101", 0), ("0B1", 0), ("0o17", 0), ("0O17", 8), ("0o17", 10),
    ("0b1", 16), ("0x1f", 0), ("-0x1F", 0), ("0x1_", 0), ("0x_", 0), ("0_", 0),
    ("010", 0), ("000", 0), ("0_0", 0), ("0__0", 0), ("0_1", 0), ("00", 0), ("0 0", 0),
    ("123", 0), ("1_2_3", 0), ("z", 36), ("Z", 36), ("zz", 35), ("-ZzZ", 36), ("777", 8),
    ("8", 8), ("2", 2), ("1", 1), ("1", 37), ("1", -1), ("9" * 50, 10), ("-" + "f" * 40, 16),
    ("1" + "0" * 19, 10), ("18446744073709551616", 10), ("-9223372036854775808", 10),
    ("0" * 30 + "7", 10), ("0b" + "1" * 130, 0), ("0o" + "7" * 50, 0),
]
for text, base in texts:
    case("parse", [T(text), I(base), I(4300)], lambda: I(int(text, base)))
# The digit limit (4300 by default) is exercised by hand in test_bigint.cc: its texts are long.
for _ in range(40):
    n = rand_int(400)
    for base in (2, 10, 16, 36, 7):
        case("parse", [T(to_base(n, base)), I(base), I(4300)], lambda: I(int(to_base(n, base), base)))

# --- floats ---------------------------------------------------------------------------------
doubles_from = [2**53 - 1, 2**53, 2**53 + 1, 2**53 + 2, 2**53 + 3, 2**54 + 2, 2**54 + 6,
                2**64 - 1, 2**64 + 2**11, 2**64 + 2**11 + 1, 2**64 + 3 * 2**11,
                (2**53 + 1) * 2**100, (2**53 + 1) * 2**100 + 1, (2**54 + 1) * 2**100,
                (2**54 + 3) * 2**1000, 2**1023, 2**1024 - 2**970, 2**1024 - 2**970 - 1,
                2**1024 - 2**971, 2**1024, 2**1100, 10**308, 10**309]
for n in doubles_from + [rand_int(1100) for _ in range(100)]:
    for s in (1, -1):
        case("todouble", [I(s * n)], lambda: F(float(s * n)))
divs = [(1, 3), (2, 3), (10**400, 10**399), (1, 10**400), (10**400, 3), (-1, 3), (1, -3),
        (0, 5), (0, -5), (5, 0), (2**1024, 1), (2**1024 - 1, 1), (2**2000, 2**976),
        (2**2000, 2**977 - 1), (1, 2**1074), (1, 2**1075), (3, 2**1076), (1, 2**1075 - 1),
        (1, 3 * 2**1073), (1, 2**1022), (1, 2**1023 + 1), (2**53 + 1, 1), (2**54 + 1, 2),
        (-(2**53) - 1, 1), (10**30, 7), (123456789 * 10**50, 10**50 + 1), (1, 2**2000),
        (2**5000 + 1, 2**4000 - 1), (2**53 - 1, 2**53 - 1), (7, 2**60)]
divs += [(rand_int(rng.choice([60, 200, 1100])), rand_int(rng.choice([60, 200, 1100])))
         for _ in range(300)]
for a, b in divs:
    case("truediv", [I(a), I(b)], lambda: F(a / b))
for d in (0.0, -0.0, 0.5, -0.99, 1.0, -1.5, 2.0**52 + 0.5, 2.0**63, -(2.0**63), 2.0**64,
          1e300, -1.7976931348623157e308, 123456789.987, 5e-324):
    case("fromdouble", [F(d)], lambda: I(int(d)))
for _ in range(60):
    d = struct.unpack(">d", struct.pack(">Q", rng.getrandbits(63)))[0]
    if math.isfinite(d):
        case("fromdouble", [F(d)], lambda: I(int(d)))

# int versus float comparisons, exact.
cmp_ints = [0, 1, -1, 2**53, 2**53 + 1, -(2**53) - 1, 2**64, 10**308, 10**309, -(10**400),
            2**1023, 2**1024, 3, -3] + [rand_int(1100) for _ in range(30)]
cmp_doubles = [0.0, -0.0, 0.5, -0.5, 1.0, 2.0**53, 2.0**53 + 2, -(2.0**53), 2.0**64, 1e308,
               -1e308, 2.5, -2.5, 3.0, 1.7976931348623157e308, math.inf, -math.inf]
for a in cmp_ints:
    for d in cmp_doubles + [float(a) if abs(a) < 2**1024 else 1.0]:
        case("cmpdouble", [I(a), F(d)], lambda: I((a > d) - (a < d)))

# --- hash -----------------------------------------------------------------------------------
P = 2**61 - 1
for n in (P - 1, P, P + 1, 2 * P, 2 * P - 1, -P, -(P + 1), -(P - 1), 2**61, 2**200, -(2**200),
          -1, -2, P * 2**70 - 1, -(P * 2**70 + 1)):
    case("hash", [I(n)], lambda: I(hash(n)))

# --- bytes ----------------------------------------------------------------------------------
for n in (0, 1, -1, 127, 128, -128, -129, 255, 256, 2**63, -(2**63), 2**64 - 1, -(2**64),
          2**64, 10**40, -(10**40)) + tuple(rand_int(200) for _ in range(40)):
    for length in (0, 1, 2, 8, 9, 17, 30):
        for order in ("big", "little"):
            for signed in (False, True):
                case("tobytes", [I(n), I(length), order, I(int(signed))],
                     lambda: T(n.to_bytes(length, order, signed=signed)))
for data in (b"", b"\x00", b"\xff", b"\x80", b"\x7f", b"\x00\x80", b"\x80\x00",
             b"\xff" * 8, b"\xff" * 9, b"\x80" + b"\x00" * 8, b"\x01" + b"\x00" * 16,
             bytes(range(1, 40))) + tuple(rng.randbytes(rng.randint(1, 30)) for _ in range(20)):
    for order in ("big", "little"):
        for signed in (False, True):
            case("frombytes", [T(data), order, I(int(signed))],
                 lambda: I(int.from_bytes(data, order, signed=signed)))

with open("bigint_cases.txt", "w") as out:
    out.write("\n".join(lines) + "\n")
print(len(lines), "cases")
