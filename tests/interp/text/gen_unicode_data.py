#!/usr/bin/python3.11
"""Writes unicode_data.txt: CPython 3.11's answers for every code point, as ranges.

Each property is a block of "P name" followed by "first last" lines (hex, inclusive)
of the code points where python3.11 says True. Numeric values are "V kind first last
value" lines (integer values step by one across the run; kind is decimal, digit or
numeric). Case mappings are "M kind first last stride delta" lines (each code point
first, first+stride, ... maps to itself plus delta) and "S kind cp hex hex..." lines
for mappings to several code points; code points not listed map to themselves.

Run: python3.11 tests/interp/text/gen_unicode_data.py > tests/interp/text/unicode_data.txt
"""
import unicodedata as ucd

MAX = 0x110000
chars = [chr(cp) for cp in range(MAX)]


def ranges(pred):
    out = []
    for cp in range(MAX):
        if pred(cp):
            if out and out[-1][1] + 1 == cp:
                out[-1][1] = cp
            else:
                out.append([cp, cp])
    return out


def final_sigma_after(cp):
    # True when cp is skipped (case-ignorable) or cased before a capital sigma.
    return ("A" + chars[cp] + "\u03a3").lower()[-1] == "\u03c2"


properties = {
    "isalpha": lambda cp: chars[cp].isalpha(),
    "isdecimal": lambda cp: chars[cp].isdecimal(),
    "isdigit": lambda cp: chars[cp].isdigit(),
    "isnumeric": lambda cp: chars[cp].isnumeric(),
    "isalnum": lambda cp: chars[cp].isalnum(),
    "isspace": lambda cp: chars[cp].isspace(),
    "isprintable": lambda cp: chars[cp].isprintable(),
    "isupper": lambda cp: chars[cp].isupper(),
    "islower": lambda cp: chars[cp].islower(),
    "istitlecase": lambda cp: ucd.category(chars[cp]) == "Lt",
    "istitle": lambda cp: chars[cp].istitle(),
    "xid_start": lambda cp: cp != 0x5F and chars[cp].isidentifier(),
    "xid_continue": lambda cp: ("a" + chars[cp]).isidentifier(),
    "linebreak": lambda cp: len(("a" + chars[cp] + "b").splitlines()) == 2,
    "sigma_skips_or_cased": final_sigma_after,
    "unassigned14": lambda cp: ucd.category(chars[cp]) == "Cn",
}

print("# python3.11 str properties and case mappings, Unicode", ucd.unidata_version)
for name, pred in properties.items():
    print("P", name)
    for a, b in ranges(pred):
        print(f"{a:X} {b:X}")

run = None
for cp in range(MAX):
    c = chars[cp]
    if not c.isnumeric():
        continue
    kind = "decimal" if c.isdecimal() else "digit" if c.isdigit() else "numeric"
    v = ucd.numeric(c)
    if (run and run[0] == kind and run[2] + 1 == cp and v == int(v)
            and run[3] == int(run[3]) and run[3] + (cp - run[1]) == v):
        run[2] = cp
        continue
    if run:
        print(f"V {run[0]} {run[1]:X} {run[2]:X} {run[3]!r}")
    run = [kind, cp, cp, v]
print(f"V {run[0]} {run[1]:X} {run[2]:X} {run[3]!r}")

for kind in ("lower", "upper", "title", "casefold", "swapcase"):
    runs = []
    for cp in range(MAX):
        r = getattr(chars[cp], kind)()
        if r == chars[cp]:
            continue
        if len(r) > 1:
            print("S", kind, f"{cp:X}", " ".join(f"{ord(x):X}" for x in r))
            continue
        delta = ord(r) - cp
        if runs:
            first, last, stride, d = runs[-1]
            if d == delta and (stride == 0 or last + stride == cp) and cp - last <= 2:
                runs[-1] = [first, cp, cp - last, d]
                continue
        runs.append([cp, cp, 0, delta])
    for first, last, stride, d in runs:
        print("M", kind, f"{first:X} {last:X} {max(stride, 1)} {d}")
