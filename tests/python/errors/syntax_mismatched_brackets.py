# A closing bracket that does not match the opening one.
values = (1, 2, 3]
