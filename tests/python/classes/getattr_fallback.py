# __getattr__ is called only when normal lookup fails; __getattribute__ is called for every access.
class Lazy:
    present = "class attr"

    def __getattr__(self, name):
        if name.startswith("auto_"):
            return name[5:].upper()
        raise AttributeError(f"no {name}")


z = Lazy()
print(z.present, z.auto_value)
try:
    z.other
except AttributeError as e:
    print(e)
print(getattr(z, "other", "default"), hasattr(z, "auto_x"))


class Spy:
    def __init__(self):
        self.a = 1

    def __getattribute__(self, name):
        print("get", name)
        return object.__getattribute__(self, name)


s = Spy()
print(s.a)
print(type(s).__name__)
