# A digit followed directly by letters is an invalid decimal literal.
x = 12abc
