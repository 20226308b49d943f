# import statements inside functions and conditions, import as, from import with parentheses.
def load():
    import math as m
    from os import (
        path as p,
        sep,
    )
    return m.pi > 3, p.basename("/a/b"), sep


print(load())
if True:
    import sys
print("math" in dir(), "sys" in dir())
