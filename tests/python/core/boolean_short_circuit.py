# and/or return one of their operands and evaluate the right side only when needed.
def t(x):
    print("eval", repr(x))
    return x


print(t(0) or t("") or t("last"))
print(t(1) and t([]) and t("never"))
print(t(None) or t(0))
print([] or {} or ())
print(1 and 2 and 3)
print(not [], not [0])
x = 5
print(x > 3 and "big" or "small", x > 9 and "big" or "small")
