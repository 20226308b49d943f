# sys.stdlib_module_names: a frozenset naming the standard library's modules, built-in or not, and only those
import sys

names = sys.stdlib_module_names
print(type(names).__name__, len(names))
print(all(type(n) is str for n in names))
for name in ("os", "sys", "_thread", "asyncio", "collections", "xml", "zoneinfo", "__future__",
             "msvcrt", "os.path", "xml.dom", "numpy", "pypystm", "transaction", "this"):
    print(name, name in names)
print(sorted(n for n in names if n.startswith("_co")))
