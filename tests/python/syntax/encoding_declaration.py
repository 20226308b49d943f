# -*- coding: latin-1 -*-
# A coding declaration on the first or second line selects the source encoding (this file is latin-1).
s = "café"
print(s, len(s), s.encode("utf-8"))
