# Slot wrappers check their arguments as CPython's do: the count after self (with the
# two wordings CPython uses), no keywords, and object.__init__'s extra arguments.
calls = [
    ("int.__add__(1)", lambda: int.__add__(1)),
    ("(1).__add__()", lambda: (1).__add__()),
    ("(1).__add__(1, 2)", lambda: (1).__add__(1, 2)),
    ("(1).__neg__(2)", lambda: (1).__neg__(2)),
    ("'a'.__len__(1)", lambda: "a".__len__(1)),
    ("(1).__eq__()", lambda: (1).__eq__()),
    ("(2).__pow__()", lambda: (2).__pow__()),
    ("(2).__pow__(1, 2, 3)", lambda: (2).__pow__(1, 2, 3)),
    ("(2).__pow__(3, None)", lambda: (2).__pow__(3, None)),
    ("function __get__()", lambda: (lambda: 0).__get__()),
    ("function __get__(1, 2, 3)", lambda: (lambda: 0).__get__(1, 2, 3)),
    ("(1).__add__(x=1)", lambda: (1).__add__(x=1)),
    ("(1).__neg__(x=1)", lambda: (1).__neg__(x=1)),
    ("(1).__add__(1, **{})", lambda: (1).__add__(1, **{})),
    ("object().__setattr__('a')", lambda: object().__setattr__("a")),
    ("[].__setitem__(1)", lambda: [].__setitem__(1)),
    ("[1].__delitem__()", lambda: [1].__delitem__()),
    ("set().__contains__()", lambda: set().__contains__()),
    # These are methods beside their slots in CPython, with their own wording.
    ("{}.__contains__()", lambda: {}.__contains__()),
    ("frozenset().__contains__(1, 2)", lambda: frozenset().__contains__(1, 2)),
    ("[].__getitem__()", lambda: [].__getitem__()),
    ("{}.__getitem__(k=1)", lambda: {}.__getitem__(k=1)),
    ("object.__eq__(1)", lambda: object.__eq__(1)),
    ("int.__add__(3, 4)", lambda: int.__add__(3, 4)),
    ("int.__add__(3, y=4)", lambda: int.__add__(3, y=4)),
    ("str.__len__('abc')", lambda: str.__len__("abc")),
    ("object().__init__(1)", lambda: object().__init__(1)),
    ("object(1)", lambda: object(1)),
]


class A:
    pass


class B:
    def __new__(cls, *args):
        return object.__new__(cls)


calls += [
    ("A().__init__(1)", lambda: A().__init__(1)),
    ("object.__init__(A(), 1)", lambda: object.__init__(A(), 1)),
    ("B().__init__(1)", lambda: B().__init__(1)),
    ("A(1)", lambda: A(1)),
]

for text, call in calls:
    try:
        print(text, "->", repr(call()))
    except TypeError as e:
        print(text, "-> TypeError:", repr(str(e)))
