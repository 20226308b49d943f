# sys.implementation.name is "pypy_stm" on pypy-stm (and "cpython" on CPython); version is 3.11.
import sys

print(sys.implementation.name)
print(sys.implementation.version[:2], type(sys.implementation).__name__)
print(sys.implementation.name.isidentifier(), sys.implementation.cache_tag is None or isinstance(sys.implementation.cache_tag, str))
