# Overriding __call__ on a metaclass controls instance creation (here: a singleton).
class Singleton(type):
    def __call__(cls, *args):
        if "_instance" not in cls.__dict__:
            print("creating", cls.__name__, args)
            cls._instance = super().__call__(*args)
        return cls._instance


class Config(metaclass=Singleton):
    def __init__(self, value):
        self.value = value


a = Config(1)
b = Config(2)
print(a is b, a.value)


class Other(Config):
    pass


print(Other(3).value, Other(4) is Other(5), Config(9).value)
