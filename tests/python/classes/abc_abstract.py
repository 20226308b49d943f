# abc.ABC and abstractmethod prevent instantiation until all abstract methods are overridden.
from abc import ABC, abstractmethod


class Shape(ABC):
    @abstractmethod
    def area(self):
        ...

    @abstractmethod
    def name(self):
        ...

    def describe(self):
        return f"{self.name()} {self.area()}"


class Half(Shape):
    def area(self):
        return 1


class Full(Half):
    def name(self):
        return "full"


for cls in (Shape, Half):
    try:
        cls()
    except TypeError as e:
        print(e)
print(Full().describe(), sorted(Shape.__abstractmethods__), Full.__abstractmethods__)
