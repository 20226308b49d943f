# An AttributeError raised by __getattribute__ sends the lookup to __getattr__.
class C:
    def __getattribute__(self, name):
        if name == "hidden":
            raise AttributeError(name)
        return object.__getattribute__(self, name)

    def __getattr__(self, name):
        return f"fallback for {name}"

    visible = "visible"


c = C()
print(c.visible, c.hidden, c.missing)


class NoFallback:
    pass


try:
    NoFallback().x
except AttributeError as e:
    print(e)
try:
    NoFallback.y
except AttributeError as e:
    print(e)
