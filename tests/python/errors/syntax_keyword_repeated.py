# A keyword argument repeated in a call.
f(x=1, x=2)
