# Conditional expressions are lazy and nest to the right.
def grade(n):
    return "A" if n >= 90 else "B" if n >= 80 else "C" if n >= 70 else "F"


print([grade(n) for n in (95, 85, 75, 5)])
print((lambda: 1 if True else 1 / 0)())
print(1 / 1 if False else "skipped division")
x = [] if None else {}
print(type(x).__name__)
