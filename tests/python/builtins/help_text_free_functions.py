# divmod/pow/round with keyword-only and positional-only argument rules.
print(pow(base=2, exp=5), pow(2, 5, mod=3), round(number=2.567, ndigits=1))
try:
    divmod(a=1, b=2)
except TypeError as e:
    print(e)
try:
    len(obj=[1])
except TypeError as e:
    print(e)
print(sorted([3, 1], reverse=True), int("11", base=2), str(object=5))
