# A string literal that is not closed on its line.
s = "never closed
print(s)
