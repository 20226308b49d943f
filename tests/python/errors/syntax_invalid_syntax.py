# Two expressions side by side are a plain invalid syntax error.
x = 1
print(x x)
