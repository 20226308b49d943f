// interp/main_loader.cc - __main__.__loader__ of a script run by path: a stand-in that
// turns into importlib's SourceFileLoader once the program uses it.
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

} // namespace

Value main_script_loader(Thread& t, const std::string& path) {
  Value ns = dict_new(t);
  if (!ns || !dict_set(t, ns, name(N___name__), intern_literal(t, "_frozen_importlib_external")) ||
      !dict_set(t, ns, name(N___builtins__), runtime().builtins_module))
    return {};
  Value code =
      compile_source(t, kStandIn, "<frozen importlib._bootstrap_external>", ast::Mode::Exec);
  if (!code || !vm::run_code(t, code, ns, ns)) return {};
  Value cls = dict_get_cstr(t, ns, "SourceFileLoader");
  Value args[2] = {intern_literal(t, "__main__"), str_from_utf8(t, path)};
  if (!cls || !args[1]) return {};
  return call(t, cls, args, 2);
}

} // namespace interp
