# Explicit backslash continuation and implicit continuation inside brackets.
total = 1 + \
    2 + \
    3
items = [
    1,
    2,  # comment inside brackets
    3,
]
call = max(
    4,
    5
)
print(total, items, call)
if total > 1 and \
   call > 1:
    print("continued condition")
