# Long expressions and deep nesting of parentheses parse correctly.
x = ((((((((((1))))))))))
y = [[[[[[[[2]]]]]]]]
z = 1 + 2 - 3 + 4 - 5 + 6 - 7 + 8 - 9 + 10 - 11 + 12 - 13 + 14 - 15 + 16 - 17 + 18 - 19 + 20
s = eval("+".join(["1"] * 500))
print(x, y, z, s, eval("(" * 50 + "7" + ")" * 50))
