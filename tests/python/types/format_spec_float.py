# Format specs for floats: f/e/g/%/no type, precision, alternate form, signs, nan/inf and zero padding.
vals = [3.14159265, -0.000123456, 1e20, 123456.789, 0.0, -0.0, float("inf"), float("nan"), 1.5, 2.5]
specs = ["", ".3f", ".2e", ".4g", "g", "#g", ".0f", "#.0f", "%", ".1%", "+.2f", "010.2f", ",.2f", "_.1f",
         "^12.3g", "E", "G", "z.1f", ".3"]
for v in vals:
    print(repr(v), [format(v, s) for s in specs])
