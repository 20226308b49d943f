# The built-in exception hierarchy as seen through issubclass and the MRO.
names = ["ZeroDivisionError", "KeyError", "IndexError", "FileNotFoundError", "UnicodeDecodeError",
         "RecursionError", "ModuleNotFoundError", "NotImplementedError", "StopAsyncIteration",
         "KeyboardInterrupt", "TimeoutError", "BrokenPipeError", "IndentationError", "TabError"]
import builtins

for name in names:
    cls = getattr(builtins, name)
    print(name, [c.__name__ for c in cls.__mro__])
print(EnvironmentError is OSError, IOError is OSError)
print(issubclass(Warning, Exception), issubclass(DeprecationWarning, Warning))
