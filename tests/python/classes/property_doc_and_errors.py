# A property's doc= survives getter/setter/deleter copies while a docstring taken from the getter follows the new getter; missing getter/setter/deleter errors name the property and the class's qualified name
class Outer:
    class Inner:
        named = property()
        unnamed_later = None

    p = property(doc="spam spam spam")

    @p.getter
    def p(self):
        "The decorator does not use this doc string"
        return 1

    @property
    def q(self):
        "first getter"
        return 2

    @q.getter
    def q(self):
        "second getter"
        return 3

    @q.setter
    def q(self, value):
        "setter doc is ignored"

print(Outer.p.__doc__, Outer.q.__doc__, Outer().p, Outer().q)
Outer.Inner.unnamed_later = property()
inner = Outer.Inner()
for action in ("get", "set", "del"):
    for attr in ("named", "unnamed_later"):
        try:
            if action == "get":
                getattr(inner, attr)
            elif action == "set":
                setattr(inner, attr, 1)
            else:
                delattr(inner, attr)
        except AttributeError as e:
            print(e)
