# %-formatting of bytes and bytes predicates/ljust/center/zfill.
print(b"%s-%d-%x-%c-%r" % (b"raw", 42, 255, 65, b"q"))
print(b"%5s|%-5s|" % (b"ab", b"cd"), b"%b" % b"bb", b"%a" % "é")
try:
    b"%s" % "text"
except TypeError as e:
    print(e)
print(b"abc".isalpha(), b"a1".isalnum(), b"12".isdigit(), b" \t".isspace(), b"Ab".istitle(), b"AB".isupper())
print(b"ab".center(6, b"*"), b"ab".ljust(4), b"7".zfill(3), b"hello world".title(), b"MiXeD".swapcase())
print(b"a\nb\r\nc".splitlines(), b"abcabc".rfind(b"b"), b"x".startswith((b"y", b"x")))
