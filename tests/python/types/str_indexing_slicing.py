# String indexing and slicing with negative indices, steps and out-of-range bounds.
s = "abcdefghij"
print(s[0], s[-1], s[2:5], s[:3], s[7:], s[-3:], s[::2], s[::-1], s[1:8:3], s[8:1:-2], s[100:], s[-100:2])
try:
    s[10]
except IndexError as e:
    print(e)
try:
    s[0] = "z"
except TypeError as e:
    print(e)
u = "日本語テキスト"
print(u[1], u[::-1], len(u), u[2:4])
print(s[slice(1, None, 4)], s[False], s[True:])
