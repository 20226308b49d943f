# int arithmetic: floor division and modulo follow the sign of the divisor; true division gives floats.
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 5), (6, 3)]
for a, b in pairs:
    print(a, b, a // b, a % b, divmod(a, b), a / b, a * b, a - b)
print(2 ** 10, 2 ** -1, (-2) ** 3, -2 ** 2, 0 ** 0, pow(3, 4, 5), pow(3, -1, 7))
for a, b in [(1, 0), (1.0, 0)]:
    for op in ("//", "%", "/"):
        try:
            eval(f"a {op} b")
        except ZeroDivisionError as e:
            print(op, type(a).__name__, e)
