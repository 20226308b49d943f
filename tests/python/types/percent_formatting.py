# printf-style % formatting for str: conversions, flags, width/precision, * arguments and mapping keys.
print("%s %r %a" % ("é", "é", "é"))
print("%d %i %5d|%-5d|%05d|%+d" % (42, -3.9, 7, 7, -7, 7))
print("%x %X %#x %o %#o %e %E %.3f %g %G" % (255, 255, 255, 8, 8, 12345.678, 0.0001, 2.0 / 3, 1e-5, 1e20))
print("%c%c %%" % (65, "b"), "%.2s" % "abcdef", "%*d|%-*.*f|" % (5, 1, 8, 2, 3.14159))
print("%(name)s is %(age)d" % {"name": "Ann", "age": 30})
print("%s" % (1,), "%s" % [1, 2], "%s %s" % (None, True))
for fmt, args in [("%d", "x"), ("%s %s", (1,)), ("%s", (1, 2)), ("%z", 1), ("%c", 1114112), ("%(k)s", 5)]:
    try:
        print(fmt % args)
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
