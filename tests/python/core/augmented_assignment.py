# Augmented assignment mutates lists in place but rebinds ints and tuples; the target is evaluated once.
a = [1]
b = a
a += [2]
print(a, b, a is b)
t = (1,)
u = t
t += (2,)
print(t, u)
calls = []


def idx():
    calls.append("idx")
    return 0


lst = [10]
lst[idx()] += 5
print(lst, calls)
n = 7
for op in ("+=", "-=", "*=", "//=", "%=", "**=", "<<=", ">>=", "&=", "|=", "^="):
    v = n
    exec(f"v {op} 3")
    print(op, v)
x = 5
x /= 2
print(x)
try:
    tpl = ([1],)
    tpl[0] += [2]
except TypeError as e:
    print(e, tpl)
