# join, replace with count, translate/maketrans, encode, and multiplication of strings.
print("-".join(["a", "b", "c"]), "".join([]), ", ".join("xyz"))
try:
    "-".join(["a", 1])
except TypeError as e:
    print(e)
print("aaaa".replace("a", "b", 2), "abc".replace("", "-"), "abc".replace("x", "y"), "aaa".replace("a", ""))
table = str.maketrans("abc", "xyz", "d")
print("abcdd".translate(table), "hello".translate({ord("l"): "L", ord("o"): None}), str.maketrans({"a": "1"}))
print("ab" * 3, 0 * "ab", "ab" * -1, "é".encode(), "é".encode("latin-1"))
try:
    "€".encode("ascii")
except UnicodeEncodeError as e:
    print(e)
print("€".encode("ascii", "replace"), "€".encode("ascii", "xmlcharrefreplace"), "€".encode("ascii", "backslashreplace"))
