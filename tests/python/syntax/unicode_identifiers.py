# Non-ASCII identifiers are NFKC-normalized: ﬁ and fi are the same name.
café = "coffee"
π = 3.14
变量 = "variable"
ﬁle = "ligature"
print(café, π, 变量, file)
Ω = "omega"
print(Ω, "Ω" in globals())
