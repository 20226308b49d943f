# Sets of strings are printed sorted because their iteration order depends on hash randomization.
words = "the quick brown fox jumps over the lazy dog the end".split()
unique = set(words)
print(len(unique), sorted(unique))
print(sorted(unique & {"fox", "cat", "dog"}), sorted(unique - {"the"})[:3])
print("fox" in unique, "cat" in unique, sorted(set("hello") | set("world")))
