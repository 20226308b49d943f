// interp/modules/source_module.cc - running a builtin module's Python source in its dict.
#include "interp/modules/source_module.h"

#include "interp/compile_source.h"
#include "interp/objects/args.h"
#include "interp/ops.h"
#include "interp/vm/vm.h"

namespace interp {

namespace {

INTERP_NATIVE(call_wrapped) {
  return call(t, args[0], args + 1, nargs - 1, kwnames);
}

// _builtin(function): the function as a builtin function of the same name and module, so
// that it does not bind as a method when a class stores it (codecs.Codec subclasses keep
// _codecs functions as class attributes).
INTERP_NATIVE(as_builtin) {
  if (!check_positional(t, "_builtin", nargs, kwnames, 1, 1, 0)) return {};
  static const std::int64_t index = register_native("<wrapped>", call_wrapped);
  Value fn_name = getattr(t, args[0], name(N___name__));
  if (!fn_name) return {};
  Value module = getattr(t, args[0], name(N___module__));
  if (!module) return {};
  Value wrapper = native_new(t, index, args[0], {}, T_builtin_function);
  if (!wrapper) return {};
  fresh<NativeObject>(wrapper)->name = fn_name;
  fresh<NativeObject>(wrapper)->module = module;
  return wrapper;
}

} // namespace

Value run_module_source(Thread& t, Value module, const char* source, const char* filename) {
  Value code = compile_source(t, source, filename, ast::Mode::Exec);
  if (!code) return {};
  Value d = rd<Object>(module)->dict;
  if (!dict_set(t, d, name(N___builtins__), runtime().builtins_module)) return {};
  Value wrap = make_native_function(t, "_builtin", as_builtin);
  if (!wrap || !dict_set(t, d, intern_literal(t, "_builtin"), wrap)) return {};
  if (!vm::run_code(t, code, d, d)) return {};
  return module;
}

} // namespace interp
