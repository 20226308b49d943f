// interp/modules/import.cc - the import system: __import__, module lookup in
// sys.modules, builtin modules, and source modules and packages found on sys.path (or a
// package's __path__), executed in a fresh module namespace.
#include "interp/modules/bytecode_cache.h"
#include "interp/modules/modules.h"
#include "interp/objects/args.h"
#include "interp/objects/objects.h"
#include "interp/ops.h"
#include "interp/vm/vm.h"

#include <sys/stat.h>
#include <unistd.h>

namespace interp {

namespace {

Value sys_attr(Thread& t, NameId id) {
  return getattr(t, runtime().sys_module, name(id));
}

bool is_file(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}
bool is_dir(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

Value module_not_found(Thread& t, const std::string& full) {
  Value msg = str_from_utf8(t, "No module named '" + full + "'");
  if (!msg) return {};
  Value a = tuple_from(t, &msg, 1);
  if (!a) return {};
  Value e = exception_new(t, exc(E_ModuleNotFoundError), a);
  if (!e) return {};
  wr<ExceptionObject>(e)->extra[1] = str_from_utf8(t, full);
  t.pending = e;
  return {};
}

// The module _imp once imported (0 before), without importing it.
Value imported_imp(Thread& t) {
  Value modules = sys_attr(t, N_modules);
  if (!modules || !dict_check(modules)) {
    clear_pending(t);
    return {};
  }
  return dict_get_str(modules, intern_literal(t, "_imp"));
}

// Once importlib is imported: its ModuleSpec for a module this machinery found, builtin
// (`origin` empty and not a package) or from a source file. 0 with no exception pending
// while importlib is not there (or gives None).
Value importlib_spec(Thread& t, const std::string& full, const std::string& origin, bool builtin,
                     bool package, const std::string& package_dir) {
  Value imp = imported_imp(t);
  if (!imp) return {};
  Value fn = getattr_opt(t, imp, intern_literal(t, "_pypystm_spec"));
  if (!fn) return {};
  Value args[3] = {str_from_utf8(t, full), builtin ? none() : str_from_utf8(t, origin), none()};
  if (!args[0] || !args[1]) return {};
  if (package) {
    Value dir = str_from_utf8(t, package_dir);
    args[2] = dir ? list_from(t, &dir, 1) : Value();
    if (!args[2]) return {};
  }
  Value spec;
  {
    vm::HooksBusy unseen(t, true);
    spec = call(t, fn, args, 3);
  }
  if (!spec) return {};
  return spec == none() ? Value() : spec;
}

// Sets module.__spec__ and module.__loader__ from importlib's spec (builtin modules).
bool set_builtin_spec(Thread& t, Value module, const std::string& full) {
  Value spec = importlib_spec(t, full, "", true, false, "");
  if (!spec) return !t.pending;
  Value loader = getattr(t, spec, intern_literal(t, "loader"));
  return loader && setattr(t, module, name(N___spec__), spec) &&
         setattr(t, module, intern_literal(t, "__loader__"), loader);
}

// After `import importlib`: importlib's finders go on sys.meta_path and the modules imported
// so far get ModuleSpec objects (_imp._pypystm_install).
bool importlib_installed(Thread& t) {
  Value imp = imported_imp(t);
  if (!imp) return !t.pending;
  Value fn = getattr_opt(t, imp, intern_literal(t, "_pypystm_install"));
  if (!fn) return !t.pending;
  return bool(call(t, fn, nullptr, 0));
}

// A module's __spec__ before importlib is imported: a namespace object (of sys.implementation's
// SimpleNamespace class) with the fields of importlib's ModuleSpec that programs read.
Value make_spec(Thread& t, const std::string& full, const std::string& path, bool package,
                const std::string& package_dir, const std::string& cached) {
  Value impl = getattr(t, runtime().sys_module, intern_literal(t, "implementation"));
  if (!impl) return {};
  Value spec = allocate(t, Layout::Instance, type_of(impl), sizeof(Object));
  Value d = dict_new(t);
  if (!spec || !d) return {};
  fresh<Object>(spec)->dict = d;
  std::string parent =
      package ? full
              : (full.rfind('.') == std::string::npos ? "" : full.substr(0, full.rfind('.')));
  Value locations = none();
  if (package) {
    Value dir = str_from_utf8(t, package_dir);
    locations = dir ? list_from(t, &dir, 1) : Value();
  }
  const std::pair<const char*, Value> fields[] = {
      {"name", str_from_utf8(t, full)},
      {"loader", none()},
      {"origin", str_from_utf8(t, path)},
      {"submodule_search_locations", locations},
      {"loader_state", none()},
      {"cached", cached.empty() ? none() : str_from_utf8(t, cached)},
      {"parent", str_from_utf8(t, parent)},
      {"has_location", runtime().true_},
  };
  for (auto& [field, value] : fields)
    if (!value || !dict_set(t, d, intern_literal(t, field), value)) return {};
  return spec;
}

// Executes a source file as the module `full` (registered in sys.modules first, removed
// again when it fails), its code from the bytecode cache when that is current.
Value load_source(Thread& t, const std::string& full, const std::string& path, bool package,
                  const std::string& package_dir) {
  std::string cached;
  if (!cache_path_of(t, path, cached)) return {};
  Value modname = str_from_utf8(t, full);
  if (!modname) return {};
  Value m = module_new(t, modname);
  if (!m) return {};
  Value d = rd<Object>(m)->dict;
  if (!dict_set(t, d, name(N___file__), str_from_utf8(t, path))) return {};
  if (!dict_set(t, d, intern_literal(t, "__cached__"),
                cached.empty() ? none() : str_from_utf8(t, cached)))
    return {};
  std::string pkg =
      package ? full
              : (full.rfind('.') == std::string::npos ? "" : full.substr(0, full.rfind('.')));
  if (!dict_set(t, d, name(N___package__), str_from_utf8(t, pkg))) return {};
  // An imported module's __builtins__ is the builtins dict, as exec() gives CPython's.
  if (!dict_set(t, d, name(N___builtins__), runtime().builtins)) return {};
  if (package) {
    Value dir = str_from_utf8(t, package_dir);
    Value path_list = list_from(t, &dir, 1);
    if (!path_list || !dict_set(t, d, name(N___path__), path_list)) return {};
  }
  Value spec = importlib_spec(t, full, path, false, package, package_dir);
  if (spec) {
    Value loader = getattr(t, spec, intern_literal(t, "loader"));
    if (!loader || !dict_set(t, d, intern_literal(t, "__loader__"), loader)) return {};
  } else {
    if (t.pending) return {};
    spec = make_spec(t, full, path, package, package_dir, cached);
  }
  if (!spec || !dict_set(t, d, name(N___spec__), spec)) return {};
  Value modules = sys_attr(t, N_modules);
  if (!modules || !dict_set(t, modules, modname, m)) return {};
  Value code = source_module_code(t, path, cached);
  Value r = code ? vm::run_code(t, code, d, d) : Value();
  if (!r) {
    Value saved = fetch_pending(t);
    dict_del(t, modules, modname);
    clear_pending(t);
    t.pending = saved;
    return {};
  }
  if (full == "importlib" && !importlib_installed(t)) return {};
  // The module object in sys.modules may have been replaced by the module itself.
  bool error;
  Value final_module = dict_get(t, modules, modname, error);
  if (error) return {};
  return final_module ? final_module : m;
}

Value import_absolute(Thread& t, const std::string& full);

// PEP 420: folders named `full` without __init__.py, and nothing else of that name, make a
// namespace package. importlib builds it (its __path__ is a _NamespacePath that follows
// sys.path), as CPython's path finder does.
Value load_namespace_package(Thread& t, const std::string& full, Value search) {
  Value external = import_absolute(t, "importlib._bootstrap_external");
  Value bootstrap = external ? import_absolute(t, "importlib._bootstrap") : Value();
  Value finder = bootstrap ? getattr(t, external, intern_literal(t, "PathFinder")) : Value();
  Value find_spec = finder ? getattr(t, finder, intern_literal(t, "find_spec")) : Value();
  Value fullname = find_spec ? str_from_utf8(t, full) : Value();
  Value spec = fullname ? call2(t, find_spec, fullname, search) : Value();
  if (!spec || spec == none()) return {};
  Value from_spec = getattr(t, bootstrap, intern_literal(t, "module_from_spec"));
  Value m = from_spec ? call1(t, from_spec, spec) : Value();
  Value modules = m ? sys_attr(t, N_modules) : Value();
  if (!modules || !dict_set(t, modules, fullname, m)) return {};
  return m;
}

// Whether `path`, which is no folder, names a place inside a file: a zip archive on
// sys.path, or a package's folder inside one.
bool inside_a_file(std::string path) {
  while (!path.empty()) {
    if (is_file(path)) return true;
    std::size_t slash = path.rfind('/');
    if (slash == std::string::npos || slash == 0) return false;
    path.resize(slash);
  }
  return false;
}

// `full` from a zip archive on the search path (zipimport finds it, importlib loads it);
// 0 without exception when the archive does not hold it or is no archive.
// While zipimport and importlib are being imported for a lookup in an archive, their own
// imports look at folders only: an archive first on sys.path would otherwise send each
// of them back here.
thread_local bool zip_machinery_loading = false;

Value load_from_zip(Thread& t, const std::string& full, Value entry) {
  zip_machinery_loading = true;
  Value zipimport = import_absolute(t, "zipimport");
  Value bootstrap = zipimport ? import_absolute(t, "importlib._bootstrap") : Value();
  zip_machinery_loading = false;
  Value importer_type =
      bootstrap ? getattr(t, zipimport, intern_literal(t, "zipimporter")) : Value();
  if (!importer_type) return {};
  Value imp = imported_imp(t);
  Value hook = imp ? getattr_opt(t, imp, intern_literal(t, "_pypystm_zip_hook")) : Value();
  if (hook && !call(t, hook, nullptr, 0)) return {};
  if (t.pending) return {};
  Value importer = call1(t, importer_type, entry);
  if (!importer) {
    clear_pending(t); // ZipImportError: not an archive after all
    return {};
  }
  Value find_spec = getattr(t, importer, intern_literal(t, "find_spec"));
  Value fullname = find_spec ? str_from_utf8(t, full) : Value();
  Value spec = fullname ? call1(t, find_spec, fullname) : Value();
  if (!spec || spec == none()) return {};
  Value load = getattr(t, bootstrap, intern_literal(t, "_load"));
  return load ? call1(t, load, spec) : Value();
}

// Finds and loads `full` (whose last component is `leaf`) along `search` (a list of
// directories, or zip archives); 0 without exception when not found.
Value find_and_load(Thread& t, const std::string& full, const std::string& leaf, Value search) {
  if (Value builtin = make_builtin_module(t, full)) {
    if (!set_builtin_spec(t, builtin, full)) return {};
    Value modules = sys_attr(t, N_modules);
    if (!modules || !dict_set(t, modules, str_from_utf8(t, full), builtin)) return {};
    return builtin;
  }
  if (t.pending) return {};
  if (!search) return {};
  // A namespace package's __path__ is a _NamespacePath: any iterable of folders will do.
  if (!isinstance(search, T_list) && !(search = list_of(t, search))) return {};
  bool namespace_portion = false;
  for (std::int64_t i = 0; i < list_length(search); ++i) {
    Value entry = list_item(search, i);
    if (!str_check(entry)) continue;
    std::string dir = str_utf8(entry);
    if (dir.empty()) {
      // '' is the working directory, named absolutely in __file__ and tracebacks, as
      // importlib's FileFinder names it.
      char cwd[4096];
      dir = ::getcwd(cwd, sizeof cwd) ? cwd : ".";
    }
    if (!zip_machinery_loading && !is_dir(dir) && inside_a_file(dir)) {
      if (Value m = load_from_zip(t, full, entry)) return m;
      if (t.pending) return {};
      continue;
    }
    std::string base = dir + "/" + leaf;
    bool folder = is_dir(base);
    if (folder && is_file(base + "/__init__.py"))
      return load_source(t, full, base + "/__init__.py", true, base);
    if (is_file(base + ".py")) return load_source(t, full, base + ".py", false, "");
    namespace_portion |= folder;
  }
  return namespace_portion ? load_namespace_package(t, full, search) : Value();
}

// Imports one dotted name completely (each parent first); returns the leaf module.
Value import_absolute(Thread& t, const std::string& full) {
  Value modules = sys_attr(t, N_modules);
  if (!modules) return {};
  Value key = str_from_utf8(t, full);
  if (!key) return {};
  bool error;
  Value existing = dict_get(t, modules, key, error);
  if (error) return {};
  if (existing) {
    if (existing == none()) return module_not_found(t, full);
    return existing;
  }
  // importlib's two halves under the names CPython's start-up gives them: there once
  // importlib is imported (_imp._pypystm_install), so importing it is what finds them.
  if (full == "_frozen_importlib" || full == "_frozen_importlib_external") {
    if (!import_absolute(t, "importlib")) return {};
    existing = dict_get(t, modules, key, error);
    if (error) return {};
    return existing ? existing : module_not_found(t, full);
  }
  std::size_t dot = full.rfind('.');
  Value search;
  Value parent;
  if (dot != std::string::npos) {
    parent = import_absolute(t, full.substr(0, dot));
    if (!parent) return {};
    // A module imported while its parent was being imported is done already.
    existing = dict_get(t, modules, key, error);
    if (error) return {};
    if (existing) return existing;
    search = getattr_opt(t, parent, name(N___path__));
    if (!search) {
      if (t.pending) return {};
      return raisef(t, exc(E_ModuleNotFoundError), "No module named '%s'; '%s' is not a package",
                    full.c_str(), full.substr(0, dot).c_str());
    }
  } else {
    search = sys_attr(t, N_path);
    if (!search) return {};
  }
  std::string leaf = dot == std::string::npos ? full : full.substr(dot + 1);
  Value m = find_and_load(t, full, leaf, search);
  if (!m) {
    if (t.pending) return {};
    return module_not_found(t, full);
  }
  if (parent) {
    Value leaf_name = str_from_utf8(t, leaf);
    if (!leaf_name || !setattr(t, parent, leaf_name, m)) return {};
  }
  return m;
}

// The package a relative import is relative to, from the importing module's globals:
// __package__, else __spec__.parent, else (with an ImportWarning) __name__, as CPython's
// resolve_name reads them.
bool resolve_relative(Thread& t, Value globals, std::int64_t level, const std::string& modname,
                      std::string& out) {
  if (!globals || !dict_check(globals)) {
    raise(t, exc(E_TypeError), "globals must be a dict");
    return false;
  }
  std::string package;
  Value pkg = dict_get_str(globals, name(N___package__));
  if (pkg == none()) pkg = {};
  Value spec = dict_get_str(globals, name(N___spec__));
  if (spec == none()) spec = {};
  if (pkg) {
    if (!str_check(pkg)) {
      raise(t, exc(E_TypeError), "package must be a string");
      return false;
    }
    if (spec) {
      Value parent = getattr(t, spec, intern_literal(t, "parent"));
      if (!parent) return false;
      int same = equal(t, pkg, parent);
      if (same < 0) return false;
      if (!same && !warn(t, exc(E_ImportWarning), "__package__ != __spec__.parent")) return false;
    }
    package = str_utf8(pkg);
  } else if (spec) {
    Value parent = getattr(t, spec, intern_literal(t, "parent"));
    if (!parent) return false;
    if (!str_check(parent)) {
      raise(t, exc(E_TypeError), "__spec__.parent must be a string");
      return false;
    }
    package = str_utf8(parent);
  } else {
    if (!warn(t, exc(E_ImportWarning),
              "can't resolve package from __spec__ or __package__, falling back on __name__ "
              "and __path__"))
      return false;
    Value n = dict_get_str(globals, name(N___name__));
    if (!n) {
      raise(t, exc(E_KeyError), "'__name__' not in globals");
      return false;
    }
    if (!str_check(n)) {
      raise(t, exc(E_TypeError), "__name__ must be a string");
      return false;
    }
    package = str_utf8(n);
    if (!dict_get_str(globals, name(N___path__))) {
      std::size_t dot = package.rfind('.');
      package = dot == std::string::npos ? "" : package.substr(0, dot);
    }
  }
  if (package.empty()) {
    raise(t, exc(E_ImportError), "attempted relative import with no known parent package");
    return false;
  }
  for (std::int64_t i = 1; i < level; ++i) {
    std::size_t dot = package.rfind('.');
    if (dot == std::string::npos) {
      raise(t, exc(E_ImportError), "attempted relative import beyond top-level package");
      return false;
    }
    package = package.substr(0, dot);
  }
  out = modname.empty() ? package : package + "." + modname;
  return true;
}

INTERP_NATIVE(builtin_import) {
  Value a[5];
  if (!parse_arguments(t, "__import__", args, nargs, kwnames,
                       {"name", "globals", "locals", "fromlist", "level"}, 0, 1, a))
    return {};
  Value modname = a[0], globals = a[1], fromlist = a[3], level_v = a[4];
  if (!str_check(modname)) return raise(t, exc(E_TypeError), "module name must be str");
  std::int64_t level = 0;
  if (level_v && !index_to_i64(t, level_v, level)) return {};
  if (level < 0) return raise(t, exc(E_ValueError), "level must be >= 0");
  std::string requested = str_utf8(modname);
  if (requested.empty() && level == 0) return raise(t, exc(E_ValueError), "Empty module name");
  std::string full = requested;
  if (level > 0 && !resolve_relative(t, globals, level, requested, full)) return {};
  Value leaf = import_absolute(t, full);
  if (!leaf) return {};
  bool has_fromlist = fromlist && fromlist != none() && truthy(t, fromlist) > 0;
  if (t.pending) return {};
  if (!has_fromlist) {
    if (level == 0 && requested.find('.') != std::string::npos)
      return import_absolute(t, requested.substr(0, requested.find('.')));
    if (level > 0 && !requested.empty() && requested.find('.') != std::string::npos) {
      std::string first = full.substr(0, full.size() - requested.size() + requested.find('.'));
      return import_absolute(t, first);
    }
    return leaf;
  }
  // from package import submodule: import the names that are not attributes yet.
  if (getattr_opt(t, leaf, name(N___path__))) {
    Value items = tuple_of(t, fromlist);
    if (!items) return {};
    for (std::int64_t i = 0; i < tuple_length(items); ++i) {
      Value item = tuple_item(items, i);
      if (!str_check(item)) continue;
      std::string n = str_utf8(item);
      if (n == "*") continue;
      if (getattr_opt(t, leaf, item)) continue;
      if (t.pending) return {};
      Value sub = import_absolute(t, full + "." + n);
      if (!sub) {
        if (matches(t, exc(E_ModuleNotFoundError)))
          clear_pending(t);
        else
          return {};
      }
    }
  }
  if (t.pending) clear_pending(t);
  return leaf;
}

} // namespace

Value import_module(Thread& t, const std::string& modname) {
  return import_absolute(t, modname);
}

Value main_module_spec(Thread& t, const std::string& full, const std::string& path, Value loader) {
  Value spec = importlib_spec(t, full, path, false, false, "");
  if (spec || t.pending) return spec;
  spec = make_spec(t, full, path, false, "", "");
  if (!spec || !setattr(t, spec, intern_literal(t, "loader"), loader)) return {};
  return spec;
}

void init_import(Thread& t, Value builtins_dict) {
  Value fn = make_native_function(
      t, "__import__", builtin_import, intern_literal(t, "builtins"),
      "__import__($module, /, name, globals=None, locals=None, fromlist=(),\n           level=0)"
      "\n--\n\n"
      "Import a module, as the import statement does (which calls this function). `globals`\n"
      "gives the package of a relative import (level > 0: that many parent packages up);\n"
      "with a non-empty `fromlist` the module named is returned, else the top package.\n"
      "importlib.import_module() is the better call for programs.");
  dict_set(t, builtins_dict, name(N___import__), fn);
}

} // namespace interp
