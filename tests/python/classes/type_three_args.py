# type(name, bases, dict) builds classes dynamically; type(obj) returns the class.
def hello(self):
    return f"hello from {type(self).__name__}"


Dyn = type("Dyn", (object,), {"hello": hello, "x": 5, "__doc__": "made by type"})
d = Dyn()
print(d.hello(), Dyn.x, Dyn.__doc__, Dyn.__name__, Dyn.__bases__)
Sub = type("Sub", (Dyn,), {})
print(Sub().hello(), Sub.__mro__)
print(type(3), type("s"), type(None), type(type))
try:
    type("Bad", (5,), {})
except TypeError as e:
    print(e)
