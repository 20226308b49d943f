# Character-class predicates on ASCII and non-ASCII characters.
samples = ["abc", "ABC1", "123", "١٢٣", "½", "²", "  \t", "", "a b", "Ⅻ", "_id", "ñandú", "if", "9x"]
for s in samples:
    print(repr(s), s.isalpha(), s.isalnum(), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isspace(),
          s.isidentifier(), s.isprintable(), s.isascii())
