# Deeply nested data met by code that recurses: RecursionError, never a crash or a hang.
import copy
import json
import pickle


def attempt(name, f, message=True):
    try:
        f()
        print(name, "ok")
    except RecursionError as e:
        # Where CPython's C accelerators (_json, _pickle) word it their own way, only the
        # type is compared.
        print(name, "RecursionError:", e if message else "...")


nested_list = []
for _ in range(100000):
    nested_list = [nested_list]
nested_tuple = ()
for _ in range(100000):
    nested_tuple = (nested_tuple,)

attempt("repr", lambda: repr(nested_list))
attempt("compare", lambda: nested_list == nested_list[0])
attempt("isinstance", lambda: isinstance(1, nested_tuple))
attempt("issubclass", lambda: issubclass(int, nested_tuple))
attempt("json.dumps", lambda: json.dumps(nested_list), message=False)
attempt("json.loads", lambda: json.loads("[" * 100000 + "]" * 100000), message=False)
attempt("pickle.dumps", lambda: pickle.dumps(nested_list), message=False)
attempt("copy.deepcopy", lambda: copy.deepcopy(nested_list), message=False)


def delegate():
    yield from delegate()


attempt("yield from", lambda: next(delegate()))


def chain(n):
    if n:
        yield from chain(n - 1)
    else:
        yield "bottom"


# Below the limit a chain of delegating generators works.
print(next(chain(500)))
print(isinstance(1, (str, (bytes, (int,)))), issubclass(bool, ((int,),)))
