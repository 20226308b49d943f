# The methods of the builtin types carry CPython's text signatures (inspect.signature and
# help() read them) and a docstring; the builtin exception classes have docstrings too.
import builtins
import inspect

methods = [str.split, str.replace, str.center, str.encode, "x".split, str.join, bytes.decode,
           bytes.hex, bytearray.extend, list.sort, list.index, list.insert,
           list.pop, dict.get, dict.fromkeys, dict.pop, dict.setdefault, set.isdisjoint,
           frozenset.union, set.add, tuple.index, tuple.count, int.to_bytes, int.from_bytes,
           int.bit_length, (5).bit_count, float.hex, float.fromhex, float.is_integer, str.zfill,
           bytes.splitlines, str.expandtabs, str.removeprefix, bytearray.translate]
# Some signatures hold values inspect cannot read (<unrepresentable>), some methods have
# none (str.count): ValueError for both, as under CPython.
for m in methods + [str.count, str.format, dict.update, list.copy, set.union]:
    try:
        print(m.__qualname__, inspect.signature(m), m.__text_signature__)
    except ValueError as e:
        print(m.__qualname__, "ValueError", m.__text_signature__, "invalid" in str(e))

documented = [m for t in (str, bytes, bytearray, list, dict, set, frozenset, tuple, int, float)
              for n, m in vars(t).items() if callable(m) and not n.startswith("__")]
print(len(documented) > 150, all(isinstance(m.__doc__, str) and m.__doc__ for m in documented))
exceptions = [v for v in vars(builtins).values()
              if isinstance(v, type) and issubclass(v, BaseException)]
print(len(exceptions), all(isinstance(e.__doc__, str) and e.__doc__ for e in exceptions))
print([e.__name__ for e in exceptions if not e.__doc__])
