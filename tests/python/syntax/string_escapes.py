# Escape sequences in str and bytes literals, including \N{...}, octal and unknown escapes.
print(repr("\a\b\f\n\r\t\v\0\x41\101\u00e9\U0001F600\N{GREEK SMALL LETTER ALPHA}\N{EM DASH}"))
print(repr(b"\x00\101\n\\"), "\777" == "\u01ff", len("\
"), "line\
continued")
