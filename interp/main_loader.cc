// interp/main_loader.cc - __main__.__loader__ of a script run by path: a stand-in that
// turns into importlib's SourceFileLoader once the program uses it; of a program given as
// text (-c, stdin, the REPL): a stand-in for importlib's BuiltinImporter.
#include "interp/main_loader.h"

#include "interp/compile_source.h"
#include "interp/objects/objects.h"
#include "interp/ops.h"
#include "interp/vm/vm.h"

namespace interp {

namespace {

// The stand-in's __class__ is a property so that isinstance(), which asks for it when the
// type does not match, sees importlib's class; everything else it lacks sends it there too.
constexpr const char* kStandIn = R"(
class SourceFileLoader:
    __module__ = '_frozen_importlib_external'

    def __init__(self, fullname, path):
        self.name = fullname
        self.path = path

    def _pypystm_become(self, real=None):
        if real is None:
            import importlib.machinery
            real = importlib.machinery.SourceFileLoader
        if type(self) is not real:
            object.__dict__['__class__'].__set__(self, real)
        return real

    __class__ = property(_pypystm_become)

    def __getattr__(self, attribute):
        SourceFileLoader._pypystm_become(self)
        return getattr(self, attribute)
)";

// A class, not an instance, so it can't change its __class__: the attributes it lacks come
// from importlib's class, and _imp._pypystm_install puts that class in its place.
constexpr const char* kBuiltinImporterStandIn = R"(
class _BuiltinImporterStandIn(type):
    def __getattr__(cls, attribute):
        import importlib.machinery
        return getattr(importlib.machinery.BuiltinImporter, attribute)

class BuiltinImporter(metaclass=_BuiltinImporterStandIn):
    __module__ = '_frozen_importlib'
    _pypystm_stand_in = True
)";

// The class `name` that `source` defines, run in a namespace named `module`.
Value stand_in_class(Thread& t, const char* source, const char* module, const char* filename,
                     const char* class_name) {
  Value ns = dict_new(t);
  if (!ns || !dict_set(t, ns, name(N___name__), intern_literal(t, module)) ||
      !dict_set(t, ns, name(N___builtins__), runtime().builtins_module))
    return {};
  Value code = compile_source(t, source, filename, ast::Mode::Exec);
  if (!code || !vm::run_code(t, code, ns, ns)) return {};
  return dict_get_cstr(t, ns, class_name);
}

} // namespace

Value main_script_loader(Thread& t, const std::string& fullname, const std::string& path) {
  Value cls = stand_in_class(t, kStandIn, "_frozen_importlib_external",
                             "<frozen importlib._bootstrap_external>", "SourceFileLoader");
  Value args[2] = {str_from_utf8(t, fullname), str_from_utf8(t, path)};
  if (!cls || !args[0] || !args[1]) return {};
  return call(t, cls, args, 2);
}

Value main_builtin_importer(Thread& t) {
  return stand_in_class(t, kBuiltinImporterStandIn, "_frozen_importlib",
                        "<frozen importlib._bootstrap>", "BuiltinImporter");
}

} // namespace interp
