# str case methods, including full Unicode case mappings (ß, dotted I, title case).
words = ["hello World", "ǅemo", "straße", "İstanbul", "ŉ", "ΣΑΣ", "they're bill's", "ﬁne"]
for w in words:
    print(w, "|", w.upper(), "|", w.lower(), "|", w.title(), "|", w.capitalize(), "|", w.swapcase(), "|", w.casefold())
print("Hello".isupper(), "HELLO".isupper(), "Title Case".istitle(), "abc".islower(), "123".islower())
