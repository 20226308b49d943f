# is / is not identity versus == equality for None, small ints through variables, and containers.
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c, None is None, type(None) is type(None))
x = None
print(x is None, x == None, not x)
t = ()
print(t == tuple(), tuple() == t, [] is not [])
s = "text"
print(s is s, s == "te" + "xt")
