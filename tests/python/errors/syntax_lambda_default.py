# A lambda with a statement in its body is invalid.
f = lambda: return 1
