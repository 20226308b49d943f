# str search methods: find/rfind/index/rindex/count/startswith/endswith with start/end arguments.
s = "the quick brown fox jumps over the lazy dog"
print(s.find("the"), s.find("the", 1), s.rfind("the"), s.find("cat"), s.find("", 5), s.rfind("", 5))
print(s.count("o"), s.count("o", 20, 30), s.count(""), "aaaa".count("aa"))
print(s.index("fox"), s.rindex("o"))
try:
    s.index("cat")
except ValueError as e:
    print(e)
print(s.startswith("the"), s.startswith(("a", "t")), s.endswith("dog", 0, 43), s.endswith("lazy", 0, -4))
print("x" in s, "fox" in s, "" in "", s.find("q", -40, -30))
try:
    s.startswith(["t"])
except TypeError as e:
    print(e)
