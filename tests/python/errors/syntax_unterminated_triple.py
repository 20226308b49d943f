# A triple-quoted string that never ends.
x = 1
s = """starts here
and continues
