# An unclosed parenthesis is reported at the opening bracket: '(' was never closed.
x = 1
y = (x +
     2
print(y)
