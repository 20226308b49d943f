# Strings are immutable: methods return new strings; concatenation in a loop builds the expected value.
s = "abc"
t = s.upper()
print(s, t, s is not t)
acc = ""
for i in range(5):
    acc += str(i)
print(acc, len(acc))
try:
    s[0] = "x"
except TypeError as e:
    print(e)
try:
    del s[0]
except TypeError as e:
    print(e)
print("".join(["a"] * 3), "-" * 10, "ab" + "cd")
