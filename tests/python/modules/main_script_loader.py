# A script run by path has importlib's SourceFileLoader as __main__.__loader__ and no __spec__
import __main__

loader = __main__.__loader__
print(type(loader).__name__, type(loader).__module__, __main__.__spec__)
print(loader.name, loader.path.rsplit("/", 1)[-1], __loader__ is loader, sorted(vars(loader)))
print(loader.get_filename().rsplit("/", 1)[-1], loader.is_package("__main__"))
print(loader.get_source("__main__").splitlines()[0])

import importlib.abc
import importlib.machinery

print(type(loader) is importlib.machinery.SourceFileLoader)
print(isinstance(loader, importlib.abc.Loader), isinstance(loader, importlib.abc.FileLoader))
print(loader == importlib.machinery.SourceFileLoader("__main__", loader.path))

import linecache

print(linecache.getline(__file__, 1).strip())
