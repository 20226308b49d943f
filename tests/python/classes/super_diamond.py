# Cooperative multiple inheritance: super() follows the MRO of the instance's class.
class Base:
    def __init__(self):
        print("Base")


class Left(Base):
    def __init__(self):
        print("Left in")
        super().__init__()
        print("Left out")


class Right(Base):
    def __init__(self):
        print("Right in")
        super().__init__()
        print("Right out")


class Bottom(Left, Right):
    def __init__(self):
        print("Bottom in")
        super().__init__()


Bottom()
print([c.__name__ for c in Bottom.__mro__])
