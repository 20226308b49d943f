# format() calls __format__ on the type, with an empty default spec.
print(format(3.14159, ".2f"), format(42), format("x", ">3"), format(1234, ","), format(True), format(None))
print(format(1.0), format(1 + 2j, ".1f"), format([1], ""), format(b"x".hex(), "^6"))
try:
    format([1], "x")
except TypeError as e:
    print(e)
try:
    format(1, 5)
except TypeError as e:
    print(e)
