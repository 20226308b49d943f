# A builtin type's attribute descriptor used on an object of another type is a TypeError
# (it used to read fields the object does not have, and could end the process).
import _pickle, io, json
for descr, obj in [(_pickle.Pickler.fast, object()),
                   (ValueError.args, "x"), (type.__dict__["__name__"], 3)]:
    try:
        print(descr.__get__(obj))
    except TypeError as e:
        print("TypeError", e)
try:
    _pickle.Pickler.fast.__set__(object(), True)
except TypeError as e:
    print("TypeError", e)
print(io.StringIO.closed.__get__(io.StringIO()), ValueError.args.__get__(ValueError(1)))
