# Method calls from one instruction as the class, the instance dict and the receiver's
# type change under it.
class A:
    def greet(self):
        return "A.greet"

class B(A):
    pass

def call_greet(o):
    return o.greet()

a, b = A(), B()
print(call_greet(a), call_greet(b), call_greet(a))

# An instance attribute shadows the method from then on, for that instance only.
b.greet = lambda: "instance greet"
print(call_greet(b), call_greet(B()))
del b.greet
print(call_greet(b))

# Replacing the method on the class, or on a base, is seen at once.
A.greet = lambda self: "new A.greet"
print(call_greet(a), call_greet(b))
B.greet = lambda self: "B.greet"
print(call_greet(a), call_greet(b))
del B.greet
print(call_greet(b))
del A.greet
for o in (a, b):
    try:
        call_greet(o)
    except AttributeError as e:
        print("AttributeError:", e)

# Builtin methods through the same instruction on different types.
def call_count(o):
    return o.count(1)
for o in ([1, 1, 2], (1, 2, 1, 1), [], "x", b"\x01\x01"):
    try:
        print(type(o).__name__, call_count(o))
    except TypeError as e:
        print(type(o).__name__, "TypeError:", e)

# A subclass of a builtin whose instance dict shadows a method.
class L(list):
    pass
l = L([1, 1])
print(call_count(l))
l.count = lambda x: "shadowed"
print(call_count(l))

# A class attribute that is not a function stops binding.
class C:
    def m(self):
        return "method"
def call_m(o):
    return o.m()
c = C()
print(call_m(c))
C.m = staticmethod(lambda: "static")
print(call_m(c))
C.m = classmethod(lambda cls: cls.__name__)
print(call_m(c))
class Callable:
    def __call__(self):
        return "callable object"
C.m = Callable()
print(call_m(c))
