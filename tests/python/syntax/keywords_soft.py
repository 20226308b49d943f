# match, case, _ and type are soft keywords usable as ordinary names.
match = [1, 2]
case = "case"
_ = "underscore"
type = "shadowed type"
print(match, case, _, type)
match match:
    case [1, x]:
        print("matched", x)
del type
print(type(1).__name__)
