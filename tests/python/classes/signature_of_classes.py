# inspect.signature() of a class: its __init__ or __new__, or object()'s empty signature
# (type.__text_signature__) when it defines neither.
import inspect, dataclasses
class C: pass
class D:
    def __init__(self, a, b=2): pass
class E(D): pass
@dataclasses.dataclass
class F:
    x: int
    y: str = "a"
class G:
    def __new__(cls, q, *r): return super().__new__(cls)
for k in (C, D, E, F, G, object, list, tuple, float, complex, property, memoryview, enumerate, reversed):
    try:
        print(k.__name__, inspect.signature(k))
    except ValueError as e:
        print(k.__name__, "ValueError", e)
for k in (object, list, int, dict, C):
    print(k.__name__, repr(k.__text_signature__))
print("__text_signature__" in type.__dict__, hasattr(object(), "__text_signature__"))
