# A closing bracket without an opening one.
values = [1, 2, 3]]
