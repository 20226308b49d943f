# str.format: auto/manual numbering, keywords, attribute and index access, nested fields, errors.
print("{} {}".format("a", "b"), "{1} {0} {1}".format("a", "b"), "{x}-{y}".format(x=1, y=2))
print("{0[1]} {0[k]} {1.real}".format({1: "one", "k": "kay"}, 3 + 4j))
print("{:{}{}}".format("x", ">", 5), "{!r:>6}".format("s"), "{{}}".format())
print("{0:{fill}^{w}}".format("mid", fill="*", w=9))
for bad, args in [("{} {1}", ("a", "b")), ("{0}", ()), ("{x}", ()), ("{", ()), ("}", ()), ("{!z}", (1,))]:
    try:
        bad.format(*args)
    except (ValueError, IndexError, KeyError) as e:
        print(type(e).__name__, e)
print("{a}".format_map({"a": "mapped"}))
