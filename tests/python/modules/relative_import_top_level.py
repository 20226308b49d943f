# A relative import in a top-level script fails: there is no parent package.
try:
    from . import something
except ImportError as e:
    print(type(e).__name__, e)
print(__package__, __spec__)
