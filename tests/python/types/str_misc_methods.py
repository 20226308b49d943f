# Less common str methods: format_map, isdecimal vs isdigit, zfill, count with overlaps, partition edge cases.
print("{a}-{b}".format_map({"a": 1, "b": 2}), "abc".startswith(""), "".join(reversed("abc")))
print("ababab".count("aba"), "ababab".find("aba", 1), "ababab".replace("aba", "X"))
print("a b  c".split(" "), " a ".split(" "), "a\tb".split("\t"))
print(str(1.0), str([1, "a"]), str(("x",)), str({"k": "v"}), str(b"b"), str(None))
print("%-6s|" % "ab", "%6.2f|" % 3.14159, "x".join("123"), "abc"[::-1] == "cba")
print("Hello World".swapcase(), "hello"[1:-1], "Mississippi".rstrip("ip"), "ǉ".title())
