# One attribute-reading line meets instance dicts of different shapes: attributes set in
# different orders, deleted and re-added, keys added through __dict__ (str subclasses and
# non-str keys too), and dicts replaced wholesale.
class A:
    def __init__(self, order):
        for name in order:
            setattr(self, name, name.upper())


class Key(str):
    pass


objs = [A("xyz"), A("zyx"), A("yx"), A("x")]
del objs[1].z
objs[2].__dict__[7] = "seven"
objs[3].__dict__[Key("y")] = "from a str subclass"
objs.append(A("xy"))
objs[4].__dict__ = {"y": "new dict", "x": "X2"}
d = A("y")
d.y = "changed"
objs.append(d)


def read(o):
    return o.x if hasattr(o, "x") else None, getattr(o, "y", None)


for round_ in range(3):
    print([read(o) for o in objs])
    for i, o in enumerate(objs):
        try:
            o.y = f"{o.y}+{round_}"
        except AttributeError:
            o.y = "set"
        if round_ == 1 and i % 2:
            del o.y
print(sorted(map(str, objs[2].__dict__)))
