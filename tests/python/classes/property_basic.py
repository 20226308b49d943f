# property getter/setter/deleter, read-only properties, and property docstrings.
class Temp:
    def __init__(self):
        self._c = 0

    @property
    def celsius(self):
        "temperature in C"
        return self._c

    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("too cold")
        self._c = v

    @celsius.deleter
    def celsius(self):
        print("deleted")
        self._c = None

    @property
    def kelvin(self):
        return self._c + 273.15


t = Temp()
t.celsius = 25
print(t.celsius, t.kelvin, Temp.celsius.__doc__)
try:
    t.kelvin = 0
except AttributeError as e:
    print(e)
try:
    t.celsius = -300
except ValueError as e:
    print(e)
del t.celsius
print(t.celsius, type(Temp.celsius).__name__)
