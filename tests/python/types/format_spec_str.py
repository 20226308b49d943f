# Format specs for strings: width, alignment, fill, precision truncation; numeric options rejected.
s = "hello"
for spec in ["", "10", "<10", ">10", "^10", "_^11", ".3", "8.2", "s", "^.1"]:
    print(repr(spec), repr(format(s, spec)))
for bad in ["d", "+", "=10", ",", "#"]:
    try:
        format(s, bad)
    except ValueError as e:
        print(repr(bad), e)
print(repr(format("日本", "^6")), repr(format("", "*>3")))
