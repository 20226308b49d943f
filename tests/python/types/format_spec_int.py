# Format specs for ints: fill/align, sign, #, 0, width, grouping, and the b/o/x/X/c/d/n types.
n = 1234567
specs = ["", "d", ">12", "<12", "^12", "*^12", "+", " ", "-", ",", "_", "012", "+012,", "#x", "#X",
         "#o", "#b", "x", "_b", "08.3", "e", ".2%", "n"]
for spec in specs:
    try:
        print(repr(spec), repr(format(n, spec)), repr(format(-n, spec)))
    except ValueError as e:
        print(repr(spec), "ValueError:", e)
print(format(65, "c"), format(0, "#b"), format(255, "#010x"), format(-255, "=+8"))
for bad in ("s", ",c", "z"):
    try:
        format(5, bad)
    except ValueError as e:
        print(e)
