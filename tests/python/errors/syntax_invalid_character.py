# A non-ASCII character that is not valid in an identifier or operator.
x = 5 € 3
