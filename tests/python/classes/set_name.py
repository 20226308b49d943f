# __set_name__ is called on descriptors (and any attribute object) at class creation with owner and name.
class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = "_" + name

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return getattr(obj, self.name, "unset")

    def __set__(self, obj, value):
        setattr(obj, self.name, value)


class Model:
    title = Field()
    size = Field()


m = Model()
print(m.title)
m.title = "T"
print(m.title, m._title, Model.title.name)
f = Field()
Model.late = f
print(hasattr(f, "name"))
