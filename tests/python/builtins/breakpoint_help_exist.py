# Builtins that need a terminal exist and are callable; __import__ imports a module by name.
import builtins

for name in ("breakpoint", "help", "input", "open", "exit", "quit", "copyright", "credits", "license"):
    print(name, hasattr(builtins, name), callable(getattr(builtins, name)))
m = __import__("math")
print(m.__name__, __import__("os.path").__name__, __import__("os.path", fromlist=["join"]).__name__ in ("posixpath", "os.path"))
print(repr(exit))
