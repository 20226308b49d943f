# String literal prefixes: r, b, rb/br, f, rf/fr, u, in upper and lower case.
print(r"\n", R"\t", b"b", B"B", rb"\x", Br"\y", bR"\z", u"unicode", U"UNI", f"{1+1}", rf"\{2}", Fr"{3}\n")
print(len(r"\n"), len("\n"), r"a\"b", r"\\")
