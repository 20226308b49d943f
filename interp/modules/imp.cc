// interp/modules/imp.cc - _imp, _warnings and marshal: the builtin modules that the
// pure-Python importlib (importlib/_bootstrap.py, _bootstrap_external.py) imports.
//
// The interpreter imports through its own machinery (import.cc); importlib runs beside it.
// _imp answers importlib's questions about builtin modules (which exist, making one from a
// spec), frozen modules (there are none) and extension modules (none can be loaded), and
// holds the global import lock. Once importlib is imported, import.cc asks _imp for real
// ModuleSpec objects (_pypystm_spec) and the finders go on sys.meta_path
// (_pypystm_install), so that importlib.util.find_spec and importlib.reload work.
#include "interp/code_marshal.h"
#include "interp/compile/code_serial.h"
#include "interp/modules/module_support.h"
#include "interp/modules/modules.h"
#include "interp/modules/source_module.h"
#include "interp/ops.h"

namespace interp {

namespace {

// create_builtin(spec): the builtin module spec.name (the one already in sys.modules when
// the module was initialized before), or None when there is no such builtin module.
INTERP_NATIVE(imp_create_builtin) {
  if (nargs != 1 || keyword_count(kwnames) != 0)
    return raisef(t, exc(E_TypeError), "create_builtin() takes exactly one argument (%zu given)",
                  nargs);
  Value modname = getattr(t, args[0], intern_literal(t, "name"));
  if (!modname) return {};
  if (!str_check(modname))
    return raisef(t, exc(E_TypeError), "name must be string, not %s",
                  type_name_of(modname).c_str());
  Value modules = getattr(t, runtime().sys_module, name(N_modules));
  if (!modules) return {};
  bool error;
  Value existing = dict_check(modules) ? dict_get(t, modules, modname, error) : Value();
  if (existing && existing != none()) return existing;
  Value m = make_builtin_module(t, str_utf8(modname));
  if (m) return m;
  if (t.pending) return {};
  return none();
}

void fix_filename(Value code, Value old_name, Value new_name) {
  if (ro<CodeObject>(code)->filename != old_name) return;
  wr<CodeObject>(code)->filename = new_name;
  Value consts = ro<CodeObject>(code)->consts;
  for (std::int64_t i = 0; consts && i < tuple_length(consts); ++i) {
    Value c = tuple_item(consts, i);
    if (c.is_object() && is_layout(c, Layout::Code)) fix_filename(c, old_name, new_name);
  }
}

// _fix_co_filename(code, path): code and the code objects nested in it that were compiled
// from the same file take `path` as their co_filename.
INTERP_NATIVE(imp_fix_co_filename) {
  if (nargs != 2 || keyword_count(kwnames) != 0)
    return raisef(t, exc(E_TypeError), "_fix_co_filename expected 2 arguments, got %zu", nargs);
  if (!(args[0].is_object() && is_layout(args[0], Layout::Code)))
    return raisef(t, exc(E_TypeError), "_fix_co_filename() argument 1 must be code, not %s",
                  type_name_of(args[0]).c_str());
  if (!str_check(args[1]))
    return raisef(t, exc(E_TypeError), "_fix_co_filename() argument 2 must be str, not %s",
                  type_name_of(args[1]).c_str());
  Value old_name = ro<CodeObject>(args[0])->filename;
  if (old_name && str_check(old_name) && str_utf8(old_name) == str_utf8(args[1])) return none();
  fix_filename(args[0], old_name, args[1]);
  return none();
}

// marshal._dump_code(code): the bytes that follow marshal's type code 'c' for `code`.
INTERP_NATIVE(marshal_dump_code) {
  if (nargs != 1 || keyword_count(kwnames) != 0 ||
      !(args[0].is_object() && is_layout(args[0], Layout::Code)))
    return raise(t, exc(E_TypeError), "_dump_code() takes one code object");
  std::string out;
  if (!code_to_bytes(t, args[0], out)) return {};
  return bytes_new(t, out);
}

// marshal._load_code(data, pos): (code, end) for the code object whose bytes (after the
// type code 'c') start at data[pos].
INTERP_NATIVE(marshal_load_code) {
  if (nargs != 2 || keyword_count(kwnames) != 0 || !is_exact(args[0], T_bytes))
    return raise(t, exc(E_TypeError), "_load_code() takes bytes and a position");
  std::int64_t start;
  if (!index_to_i64(t, args[1], start)) return {};
  std::string_view data = bytes_view(args[0]);
  if (start < 0 || std::uint64_t(start) > data.size())
    return raise(t, exc(E_ValueError), "bad marshal data (position out of range)");
  std::size_t pos = std::size_t(start);
  Value code = code_from_bytes(t, data, pos);
  if (!code) return {};
  Value items[2] = {code, int_from_i64(t, std::int64_t(pos))};
  return items[1] ? tuple_from(t, items, 2) : Value();
}

const char kImpSource[] = R"py(
"""(Extremely) low-level import machinery bits as used by importlib."""

import sys

try:
    import _thread
except ImportError:
    _thread = None

check_hash_based_pycs = 'default'

# The global import lock: reentrant, owned by one thread at a time.
_lock = _thread.allocate_lock() if _thread is not None else None
_owner = None
_depth = 0


def _ident():
    return _thread.get_ident() if _thread is not None else 0


def acquire_lock():
    global _owner, _depth
    me = _ident()
    if _owner == me:
        _depth += 1
        return
    if _lock is not None:
        _lock.acquire()
    _owner = me
    _depth = 1


def release_lock():
    global _owner, _depth
    if _owner != _ident():
        raise RuntimeError("not holding the import lock")
    _depth -= 1
    if _depth == 0:
        _owner = None
        if _lock is not None:
            _lock.release()


def lock_held():
    return _owner is not None


def is_builtin(name):
    if name in ('sys', 'builtins'):
        return -1
    return 1 if name in sys.builtin_module_names else 0


def exec_builtin(mod):
    return 0


def extension_suffixes():
    # This interpreter loads no extension modules.
    return []


def _frozen_error(name):
    return ImportError("No such frozen object named %r" % (name,), name=name)


def is_frozen(name):
    return False


def find_frozen(name, *, withdata=False):
    return None


def get_frozen_object(name, data=None):
    raise _frozen_error(name)


def is_frozen_package(name):
    raise _frozen_error(name)


def init_frozen(name):
    return None


def _frozen_module_names():
    return ()


def _override_frozen_modules_for_tests(override):
    return None


_MASK = 0xFFFFFFFFFFFFFFFF


def _rotl(x, b):
    return ((x << b) | (x >> (64 - b))) & _MASK


def _sipround(v0, v1, v2, v3):
    v0 = (v0 + v1) & _MASK
    v1 = _rotl(v1, 13) ^ v0
    v0 = _rotl(v0, 32)
    v2 = (v2 + v3) & _MASK
    v3 = _rotl(v3, 16) ^ v2
    v0 = (v0 + v3) & _MASK
    v3 = _rotl(v3, 21) ^ v0
    v2 = (v2 + v1) & _MASK
    v1 = _rotl(v1, 17) ^ v2
    return v0, v1, _rotl(v2, 32), v3


def source_hash(key, source):
    """SipHash-1-3 of source keyed with key, as 8 little-endian bytes."""
    data = memoryview(source).tobytes()
    k0 = key & _MASK
    k1 = 0
    v0 = k0 ^ 0x736f6d6570736575
    v1 = k1 ^ 0x646f72616e646f6d
    v2 = k0 ^ 0x6c7967656e657261
    v3 = k1 ^ 0x7465646279746573
    n = len(data)
    whole = n - n % 8
    blocks = [int.from_bytes(data[i:i + 8], 'little') for i in range(0, whole, 8)]
    blocks.append(((n & 0xff) << 56) | int.from_bytes(data[whole:], 'little'))
    for m in blocks:
        v3 ^= m
        v0, v1, v2, v3 = _sipround(v0, v1, v2, v3)
        v0 ^= m
    v2 ^= 0xff
    for _ in range(3):
        v0, v1, v2, v3 = _sipround(v0, v1, v2, v3)
    return (v0 ^ v1 ^ v2 ^ v3).to_bytes(8, 'little')


# What the interpreter's own import (import.cc) calls once importlib is set up.

def _pypystm_ready():
    boot = sys.modules.get('importlib._bootstrap')
    ext = sys.modules.get('importlib._bootstrap_external')
    if boot is None or ext is None or getattr(boot, '_bootstrap_external', None) is None:
        return None
    return boot, ext


def _pypystm_spec(name, origin, locations):
    """A ModuleSpec for a module the interpreter imported: builtin (origin None) or
    from a source file; None while importlib is not imported."""
    ready = _pypystm_ready()
    if ready is None:
        return None
    boot, ext = ready
    if origin is None:
        return boot.BuiltinImporter.find_spec(name)
    return ext.spec_from_file_location(name, origin, submodule_search_locations=locations)


def _pypystm_zip_hook():
    """Archives on sys.path for importlib's own finders, first as in CPython (the import
    statement reads them through zipimport too, in import.cc). zipimport may be halfway
    through its own import here: then its first lookup in an archive calls this again."""
    zipimport = sys.modules.get('zipimport')
    if zipimport is None:
        import zipimport
    hook = getattr(zipimport, 'zipimporter', None)
    if hook is not None and hook not in sys.path_hooks:
        sys.path_hooks.insert(0, hook)


def _pypystm_install():
    """Called when importlib has been imported: importlib's finders go on sys.meta_path
    and sys.path_hooks (importlib.util.find_spec and importlib.reload search with them),
    and the modules imported so far get ModuleSpec objects."""
    ready = _pypystm_ready()
    if ready is None:
        return
    boot, ext = ready
    # importlib's own SourceFileLoader (runpy, py_compile, compileall) writes and reads
    # the cache files the interpreter does: with this build's magic number, whose code
    # objects marshal reads.
    ext.MAGIC_NUMBER = _pypystm_magic
    ext._RAW_MAGIC_NUMBER = int.from_bytes(_pypystm_magic, 'little')
    if not sys.meta_path:
        sys.meta_path.append(boot.BuiltinImporter)
        sys.meta_path.append(boot.FrozenImporter)
        ext._install(boot)
    # The names CPython's start-up gives importlib's two halves (zipimport imports them).
    sys.modules.setdefault('_frozen_importlib', boot)
    sys.modules.setdefault('_frozen_importlib_external', ext)
    _pypystm_zip_hook()
    # A script's stand-in loader (main_loader.cc) becomes importlib's own now; the
    # BuiltinImporter stand-in of a program given as text gives way to importlib's.
    main = sys.modules.get('__main__')
    loader = getattr(main, '__dict__', {}).get('__loader__')
    become = getattr(type(loader), '_pypystm_become', None)
    if become is not None:
        become(loader, ext.SourceFileLoader)
    elif isinstance(loader, type) and loader.__dict__.get('_pypystm_stand_in'):
        main.__loader__ = boot.BuiltinImporter
    for name, module in list(sys.modules.items()):
        spec = getattr(module, '__spec__', None)
        if spec is None or isinstance(spec, boot.ModuleSpec):
            continue
        origin = getattr(spec, 'origin', None)
        if not isinstance(origin, str):
            continue
        # (__main__'s spec under -m has the module's own name)
        new = _pypystm_spec(getattr(spec, 'name', name), origin,
                            getattr(spec, 'submodule_search_locations', None))
        if new is not None:
            module.__spec__ = new
            module.__loader__ = new.loader
)py";

const char kWarningsSource[] = R"py(
"""_warnings provides basic warning filtering support."""
# The filters and the formatting are the warnings module's (its pure-Python
# implementation); these functions hand over to it.


def warn(message, category=None, stacklevel=1, source=None):
    import warnings
    warnings.warn(message, category, stacklevel + 1, source)


def warn_explicit(message, category, filename, lineno, module=None, registry=None,
                  module_globals=None, source=None):
    import warnings
    warnings.warn_explicit(message, category, filename, lineno, module, registry,
                           module_globals, source)

)py";

const char kMarshalSource[] = R"py(
"""Serialization of Python values in CPython's marshal format (version 4). A code object
is written in this interpreter's own layout after the type code 'c' (only the same
interpreter build reads it back)."""

version = 4

_NULL = 0x30


class _Writer:
    def __init__(self, version):
        self.out = bytearray()
        self.version = version
        self.depth = 0

    def i32(self, n):
        self.out += (n & 0xFFFFFFFF).to_bytes(4, 'little')

    def sized(self, code, data):
        self.out.append(code)
        self.i32(len(data))
        self.out += data

    def write(self, v):
        self.depth += 1
        if self.depth > 2000:
            raise ValueError("object too deeply nested to marshal")
        try:
            self._write(v)
        finally:
            self.depth -= 1

    def _write(self, v):
        import struct
        out = self.out
        t = type(v)
        if v is None:
            out.append(0x4e)
        elif v is True:
            out.append(0x54)
        elif v is False:
            out.append(0x46)
        elif v is Ellipsis:
            out.append(0x2e)
        elif v is StopIteration:
            out.append(0x53)
        elif t is int:
            if -0x80000000 <= v <= 0x7FFFFFFF:
                out.append(0x69)
                self.i32(v)
            else:
                digits = []
                a = abs(v)
                while a:
                    digits.append(a & 0x7FFF)
                    a >>= 15
                out.append(0x6c)
                self.i32(len(digits) if v > 0 else -len(digits))
                for d in digits:
                    out += d.to_bytes(2, 'little')
        elif t is float:
            if self.version > 1:
                out.append(0x67)
                out += struct.pack('<d', v)
            else:
                s = repr(v).encode()
                out.append(0x66)
                out.append(len(s))
                out += s
        elif t is complex:
            if self.version > 1:
                out.append(0x79)
                out += struct.pack('<dd', v.real, v.imag)
            else:
                for part in (v.real, v.imag):
                    s = repr(part).encode()
                    out.append(len(s))
                    out += s
        elif t is str:
            if self.version >= 4 and v.isascii():
                data = v.encode('ascii')
                if len(data) < 256:
                    out.append(0x7a)
                    out.append(len(data))
                    out += data
                else:
                    self.sized(0x61, data)
            else:
                self.sized(0x75, v.encode('utf-8', 'surrogatepass'))
        elif t is bytes or t is bytearray:
            self.sized(0x73, bytes(v))
        elif t is tuple:
            if self.version >= 4 and len(v) < 256:
                out.append(0x29)
                out.append(len(v))
            else:
                out.append(0x28)
                self.i32(len(v))
            for item in v:
                self.write(item)
        elif t is list:
            out.append(0x5b)
            self.i32(len(v))
            for item in v:
                self.write(item)
        elif t is dict:
            out.append(0x7b)
            for key, value in v.items():
                self.write(key)
                self.write(value)
            out.append(_NULL)
        elif t is set or t is frozenset:
            out.append(0x3c if t is set else 0x3e)
            self.i32(len(v))
            for item in v:
                self.write(item)
        elif t is memoryview:
            self.sized(0x73, v.tobytes())
        elif t is _code_type:
            out.append(0x63)
            out += _dump_code(v)
        else:
            raise ValueError("unmarshallable object")


class _Reader:
    def __init__(self, data):
        self.data = data
        self.pos = 0
        self.refs = []

    def take(self, n):
        end = self.pos + n
        if end > len(self.data):
            raise EOFError("marshal data too short")
        chunk = self.data[self.pos:end]
        self.pos = end
        return chunk

    def byte(self):
        return self.take(1)[0]

    def i32(self):
        return int.from_bytes(self.take(4), 'little', signed=True)

    def read(self, allow_null=False):
        import struct
        code = self.byte()
        flag = code & 0x80
        code &= 0x7F
        slot = None
        if flag:
            slot = len(self.refs)
            self.refs.append(None)
        if code == _NULL:
            if allow_null:
                return None, True
            raise TypeError("NULL object in marshal data for object")
        c = chr(code)
        if c == 'N':
            v = None
        elif c == 'T':
            v = True
        elif c == 'F':
            v = False
        elif c == '.':
            v = Ellipsis
        elif c == 'S':
            v = StopIteration
        elif c == 'i':
            v = self.i32()
        elif c == 'l':
            n = self.i32()
            v = 0
            for i in range(abs(n)):
                v |= int.from_bytes(self.take(2), 'little') << (15 * i)
            if n < 0:
                v = -v
        elif c == 'g':
            v = struct.unpack('<d', self.take(8))[0]
        elif c == 'f':
            v = float(self.take(self.byte()).decode('ascii'))
        elif c == 'y':
            re, im = struct.unpack('<dd', self.take(16))
            v = complex(re, im)
        elif c == 'x':
            re = float(self.take(self.byte()).decode('ascii'))
            im = float(self.take(self.byte()).decode('ascii'))
            v = complex(re, im)
        elif c == 's':
            v = bytes(self.take(self.i32()))
        elif c in 'tu':
            v = bytes(self.take(self.i32())).decode('utf-8', 'surrogatepass')
        elif c in 'aA':
            v = bytes(self.take(self.i32())).decode('latin-1')
        elif c in 'zZ':
            v = bytes(self.take(self.byte())).decode('latin-1')
        elif c in '()[<>':
            n = self.byte() if c == ')' else self.i32()
            if n < 0:
                raise ValueError("bad marshal data (size out of range)")
            items = [self.read()[0] for _ in range(n)]
            if c == '[':
                v = items
            elif c == '<':
                v = set(items)
            elif c == '>':
                v = frozenset(items)
            else:
                v = tuple(items)
        elif c == '{':
            v = {}
            if slot is not None:
                self.refs[slot] = v
            while True:
                key, end = self.read(allow_null=True)
                if end:
                    break
                v[key] = self.read()[0]
        elif c == 'r':
            index = self.i32()
            if index < 0 or index >= len(self.refs) or self.refs[index] is None:
                raise ValueError("bad marshal data (invalid reference)")
            return self.refs[index], False
        elif c == 'c':
            v, self.pos = _load_code(self.data, self.pos)
        else:
            raise ValueError("bad marshal data (unknown type code)")
        if slot is not None:
            self.refs[slot] = v
        return v, False


_code_type = type((lambda: None).__code__)


def dumps(value, version=version, /):
    w = _Writer(version)
    w.write(value)
    return bytes(w.out)


def dump(value, file, version=version, /):
    file.write(dumps(value, version))


def loads(bytes, /):
    return _Reader(memoryview(bytes).tobytes()).read()[0]


def load(file, /):
    # Reads the rest of the file; leaves the file after the value read.
    data = file.read()
    r = _Reader(data)
    v = r.read()[0]
    if hasattr(file, 'seek') and r.pos < len(data):
        try:
            file.seek(r.pos - len(data), 1)
        except Exception:
            pass
    return v

)py";

} // namespace

Value make_imp_module(Thread& t) {
  static const ModuleFunction kFunctions[] = {
      {"create_builtin", imp_create_builtin},
      {"_fix_co_filename", imp_fix_co_filename},
  };
  Value m = new_module(t, "_imp", kFunctions, std::size(kFunctions));
  if (!m) return {};
  module_set(t, m, "_pypystm_magic", bytes_new(t, bytecode::build_magic()));
  return run_module_source(t, m, kImpSource, "<_imp>");
}

Value make_warnings_module(Thread& t) {
  Value m = new_module(t, "_warnings", nullptr, 0);
  return m ? run_module_source(t, m, kWarningsSource, "<_warnings>") : Value();
}

Value make_marshal_module(Thread& t) {
  static const ModuleFunction kFunctions[] = {
      {"_dump_code", marshal_dump_code},
      {"_load_code", marshal_load_code},
  };
  Value m = new_module(t, "marshal", kFunctions, std::size(kFunctions));
  return m ? run_module_source(t, m, kMarshalSource, "<marshal>") : Value();
}

} // namespace interp
