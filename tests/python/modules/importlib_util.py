# importlib beside the interpreter's import: specs, find_spec, reload, module_from_spec,
# and the builtin modules importlib's bootstrap uses (_imp, marshal, _warnings).
import textwrap  # imported before importlib: gets a ModuleSpec when importlib arrives
import sys
import importlib
import importlib.util
import importlib.machinery
import json

print(type(json.__spec__).__name__, json.__spec__.name, json.__spec__.parent)
print(json.__spec__.origin.endswith("json/__init__.py"), json.__spec__.submodule_search_locations is not None)
print(type(json.__loader__).__name__, json.__spec__.loader is json.__loader__)
print(type(textwrap.__spec__).__name__, textwrap.__spec__.origin.endswith("textwrap.py"))
print(sys.__spec__.origin, sys.__spec__.loader is importlib.machinery.BuiltinImporter)

spec = importlib.util.find_spec("json.decoder")
print(spec.name, spec.parent, spec.origin.endswith("json/decoder.py"), spec.has_location)
print(importlib.util.find_spec("no_such_module_here"))
print(importlib.util.find_spec("sys").origin)
s = importlib.util.find_spec("colorsys")
print(s.name, s.submodule_search_locations, type(s.loader).__name__)
m = importlib.util.module_from_spec(s)
s.loader.exec_module(m)
print(m.__name__, m.rgb_to_hsv(1.0, 0.0, 0.0), "colorsys" in sys.modules)
try:
    importlib.util.find_spec(".x")
except ImportError as e:
    print("ImportError", e)
try:
    importlib.util.find_spec("json.nope.deeper")
except ModuleNotFoundError as e:
    print("ModuleNotFoundError", e)

ms = importlib.machinery.ModuleSpec("mymod", None, origin="somewhere")
print(ms.name, ms.origin, ms.parent, ms.has_location, ms.submodule_search_locations)
mod = importlib.util.module_from_spec(ms)
print(mod.__name__, mod.__spec__ is ms)

print(importlib.import_module("json.encoder").__name__, importlib.import_module("json") is json)
print(importlib.reload(json) is json)

import _imp
print(_imp.is_builtin("sys"), _imp.is_builtin("no_such_module"), _imp.is_frozen("json"))
print(_imp.source_hash(3495, b"hello world").hex(), _imp.source_hash(1, b"").hex())
print(_imp.source_hash(2**40 + 5, bytes(range(37))).hex(), _imp.lock_held())
_imp.acquire_lock()
_imp.acquire_lock()
print(_imp.lock_held())
_imp.release_lock()
_imp.release_lock()
try:
    _imp.release_lock()
except RuntimeError as e:
    print("RuntimeError", e)

import marshal
value = (1, "abc", 2.5, None, [True, False], {"k": b"v"}, frozenset(), -2**70, "é", 3 + 4j)
print(marshal.loads(marshal.dumps(value)) == value)
print(marshal.loads(b')\t\xe9\x01\x00\x00\x00\xda\x03abc\xe7\x00\x00\x00\x00\x00\x00\x04@N[\x02\x00\x00\x00TF{\xda\x01k\xf3\x01\x00\x00\x00v0>\x00\x00\x00\x00l\xfb\xff\xff\xff\x00\x00\x00\x00\x00\x00\x00\x00\x00\x04\xf5\x02\x00\x00\x00\xc3\xa9'))
try:
    marshal.dumps(object())
except ValueError as e:
    print("ValueError", e)
print(sys.base_prefix, sys.base_exec_prefix, sys.prefix)
