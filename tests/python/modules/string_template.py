# string.Template and string.Formatter, which parse with _string's format-string parser.
import string
import _string

t = string.Template("$who likes ${what}, $$5")
print(t.substitute(who="tim", what="kung pao"))
print(t.safe_substitute(who="tim"))
try:
    t.substitute(who="tim")
except KeyError as e:
    print("KeyError", e)
print(t.get_identifiers(), t.is_valid())

f = string.Formatter()
print(f.format("{0}-{name!r:>8}-{1[0]}-{2.real:.2f}", "a", [7], 3.14159, name="x"))
print(list(f.parse("a{{b}}c{0!s:^{1}}d")))
print(list(_string.formatter_parser("x{a.b[c]}y{}z{0:{1}}")))
first, rest = _string.formatter_field_name_split("0.attr[2][key]")
print(first, list(rest))
for bad in ("{", "}", "{0!", "{0:{"):
    try:
        list(_string.formatter_parser(bad))
    except ValueError as e:
        print("ValueError", e)
print("{0[1]}{x.imag}{{}}".format("ab", x=2j), "{:{}{}}".format(3.5, ">", 8))
for bad in ("{0!x}", "{0[}", "{0.}", "{0[0]x}"):
    try:
        bad.format(1)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
