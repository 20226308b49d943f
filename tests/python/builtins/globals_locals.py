# globals() is the module namespace; locals() in a function is a snapshot dict.
x = 1
g = globals()
g["made_here"] = "via globals"
print(made_here, g["x"], g["__name__"], "__builtins__" in g)


def f(a):
    b = 2
    loc = locals()
    loc["c"] = 3
    return sorted(loc), "c" in locals()


print(f(1))


class C:
    y = 5
    snapshot = sorted(k for k in locals() if not k.startswith("__"))


print(C.snapshot)
