# abs, divmod and pow across int, float, complex and objects; three-argument pow and its errors.
print(abs(-3), abs(-3.5), abs(3 + 4j), abs(True), abs(-(10 ** 30)))
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5), divmod(-1, 10 ** 20))
print(pow(2, 10), pow(2, -2), pow(2.0, 0.5), pow(-8, 1 / 3).real > 0, pow(5, 3, 13), pow(2, -1, 5), pow(38, -1, 97))
for args in [(2, 3, 0), (2, -1, 4), (2.0, 3, 5), (2, 3.5, 5)]:
    try:
        pow(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print(e)
try:
    abs("x")
except TypeError as e:
    print(e)
