# An exception raised inside a class body shows the class body frame.
class Broken:
    x = 1
    y = undefined_name
