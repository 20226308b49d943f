# getattr(obj, name, default) and hasattr take an AttributeError raised inside a property
# or __getattr__ for a missing attribute; any other error comes out
class C:
    @property
    def gone(self):
        raise AttributeError("computed away")

    @property
    def broken(self):
        raise KeyError("broken")

    def __getattr__(self, name):
        if name == "dynamic":
            raise AttributeError(name)
        return 42


class D:
    @property
    def gone(self):
        raise AttributeError("computed away")


c = C()
print(getattr(D(), "gone", "default"), hasattr(D(), "gone"), getattr(c, "gone", "default"))
print(getattr(c, "dynamic", "default"), hasattr(c, "dynamic"), getattr(c, "other", None))
for f in (lambda: getattr(c, "broken", "default"), lambda: hasattr(c, "broken")):
    try:
        f()
    except KeyError as e:
        print("KeyError", e)
