# Chained comparisons evaluate the middle operand once and short-circuit.
calls = []


def v(x):
    calls.append(x)
    return x


print(1 < v(2) < 3, calls)
calls.clear()
print(5 < v(2) < v(9), calls)
print(1 == 1.0 == True, "a" < "b" <= "b" != "c")
zero, none = 0, None
print(1 < 2 > zero is not none in [None])
print(not 1 < 0, 3 in [1, 2, 3] not in [[3]])
