# Attributes of builtin types are getset_descriptors: repr, __get__, and CPython's errors on writes.
import types
print(type(int.real).__name__, int.real, int.real.__name__, int.real.__objclass__)
print(int.real.__get__(5), (lambda: 0).__code__ is not None, type(types.FunctionType.__code__) is types.GetSetDescriptorType)
for obj, name in [(1, "real"), (1.5, "imag")]:
    try:
        setattr(obj, name, 5)
    except AttributeError as e:
        print(e)
try:
    delattr(1, "real")
except AttributeError as e:
    print(e)
import inspect
print(inspect.isgetsetdescriptor(int.real), inspect.isdatadescriptor(int.real))
class P:
    @property
    def x(self): return 1
try:
    P().x = 2
except AttributeError as e:
    print(e)
