# Implicit joining inside brackets allows comments and blank lines between parts.
x = [
    1,

    # comment

    2
]
y = (
    "a"  # part one
    "b"  # part two
)
print(x, y)
