# Adjacent string literals concatenate at compile time, also across lines and with f-strings.
x = 5
s = ("one "
     'two '
     """three """
     f"four{x} "
     r"\five")
print(s)
print("a" "b" == "ab", b"x" b"y")
