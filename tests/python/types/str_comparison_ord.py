# Strings compare by code point; ord/chr round-trip across planes.
print("a" < "b", "Z" < "a", "abc" < "abd", "ab" < "abc", "" < "a", "é" > "z")
print(sorted(["banana", "Apple", "cherry", "apple", "Banana"]))
print(ord("A"), ord("€"), ord("😀"), chr(97), chr(0x1F600), chr(0x10FFFF) == "\U0010ffff")
try:
    chr(0x110000)
except ValueError as e:
    print(e)
try:
    ord("ab")
except TypeError as e:
    print(e)
print(max("hello"), min("hello"), "a" * 3 == "aaa", "abc" == "abc"[:])
