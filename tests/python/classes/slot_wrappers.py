# Special methods of builtin types are slot wrappers: wrapper_descriptor on the class,
# method-wrapper once bound; ordinary builtin methods stay method_descriptors.
import inspect
import types


def kind(v):
    return type(v).__name__


def show_descriptor(d):
    print(kind(d), repr(d), d.__name__, d.__qualname__, d.__objclass__.__name__, repr(d.__doc__))


def show_bound(b):
    r = repr(b)
    print(kind(b), r[: r.index(" at 0x")], b.__name__, b.__qualname__, repr(b.__doc__))


for d in [object.__init__, object.__eq__, object.__repr__, object.__hash__, int.__add__,
          int.__radd__, int.__neg__, int.__bool__, int.__index__, str.__len__, str.__getitem__,
          list.__setitem__, list.__iadd__, list.__contains__, dict.__setitem__, dict.__len__,
          type.__call__, type.__getattribute__, float.__pow__, set.__or__]:
    show_descriptor(d)

# Names CPython keeps as method_descriptors (or other kinds) although they are dunders.
for name, d in [("list.append", list.append), ("dict.get", dict.get),
                ("object.__format__", object.__format__),
                ("object.__reduce_ex__", object.__reduce_ex__),
                ("object.__sizeof__", object.__sizeof__), ("object.__dir__", object.__dir__),
                ("object.__init_subclass__", object.__init_subclass__),
                ("object.__subclasshook__", object.__subclasshook__),
                ("object.__new__", object.__new__), ("list.__getitem__", list.__getitem__),
                ("dict.__getitem__", dict.__getitem__), ("dict.__contains__", dict.__contains__),
                ("set.__contains__", set.__contains__), ("list.__reversed__", list.__reversed__)]:
    print(name, kind(d))

x = [1, 2]
for b in [(1).__add__, object().__str__, "ab".__len__, x.__len__, {}.__setitem__,
          int.__call__, (2.5).__neg__]:
    show_bound(b)
print((1).__add__.__self__, x.__len__.__self__ is x, (1).__add__.__objclass__)
print(kind([].append), kind(object().__format__))

# Bound method-wrappers of one object and one name are equal and hash alike.
print((1).__add__ == (1).__add__, (1).__add__ == (2).__add__, (1).__add__ == (1).__sub__)
print(x.__len__ == x.__len__, x.__len__ == [].__len__, x.__len__ != x.__len__)
print(hash(x.__len__) == hash(x.__len__), hash((1).__add__) == hash((1).__add__))
print(x.append == x.append, x.append == [].append)

# Calling either form works; the descriptor checks the type of self.
print(int.__add__(3, 4), (3).__add__(4), str.__len__("abc"), list.__len__(x))
print(object.__eq__(x, x), object.__eq__(x, []), int.__add__(True, 1), int.__add__(1, "a"))
print(type.__call__(int, "12"), list.__getitem__(x, 1), dict.__setitem__({}, 1, 2))
for call in [lambda: int.__add__("a", 1), lambda: int.__add__(),
             lambda: int.__add__.__get__("x"), lambda: list.append("x"), lambda: list.append(),
             lambda: object.__init__.__get__(None, None), lambda: str.__len__(5)]:
    try:
        call()
    except TypeError as e:
        print("TypeError", e)
print(int.__add__.__get__(None, int) is int.__add__, int.__add__.__get__(3)(4))
print(kind(int.__add__.__get__(3)), kind(list.append.__get__([])))

# The types module and inspect agree with the interpreter.
print(types.WrapperDescriptorType is type(object.__init__), kind(object.__init__))
print(types.MethodWrapperType is type(object().__str__), types.MethodWrapperType.__name__)
print(types.MethodDescriptorType is type(list.append), types.BuiltinFunctionType is type(len))
print(type(object.__init__).__module__, type((1).__add__).__module__)
for obj in [int.__add__, (1).__add__, list.append, [].append, len]:
    print([f(obj) for f in (inspect.isbuiltin, inspect.ismethoddescriptor, inspect.isroutine,
                            inspect.ismethodwrapper, inspect.isfunction,
                            inspect.isdatadescriptor)])
print(hasattr(type(int.__add__), "__get__"), hasattr(type(int.__add__), "__set__"),
      hasattr(type((1).__add__), "__get__"))
print(int.__add__.__text_signature__, (1).__add__.__text_signature__,
      object.__init__.__text_signature__)


# A user subclass: its own dunders are functions, the inherited ones slot wrappers.
class Num(int):
    def __add__(self, other):
        return "Num.__add__"

    def __len__(self):
        return 7


n = Num(5)
print(kind(Num.__add__), kind(n.__add__), kind(Num.__sub__), Num.__sub__ is int.__sub__)
print(kind(n.__sub__), repr(n.__sub__).split(" at 0x")[0], n.__sub__(1), n + 1, len(n))
print(repr(Num.__init__), Num.__init__ is object.__init__, Num.__repr__ is int.__repr__)
print(int.__add__(n, 1), n.__sub__.__self__ is n, kind(Num.__len__))


class Plain:
    def __eq__(self, other):
        return True


print(kind(Plain.__eq__), kind(Plain().__eq__), kind(Plain.__ne__), kind(Plain().__ne__))
print(Plain.__ne__ is object.__ne__, Plain.__hash__, kind(Plain.__init__))
