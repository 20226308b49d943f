// interp/modules/source_module.cc - running a builtin module's Python source in its dict.
#include "interp/modules/source_module.h"

#include "interp/compile_source.h"
#include "interp/objects/args.h"
#include "interp/ops.h"
#include "interp/vm/vm.h"

#include <utility>
#include <vector>

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
  Value builtin_key = intern_literal(t, "_builtin");
  Value wrap = make_native_function(t, "_builtin", as_builtin);
  if (!wrap || !dict_set(t, d, builtin_key, wrap)) return {};
  if (!vm::run_code(t, code, d, d)) return {};
  // The module's public functions behave as builtin functions, as the C functions of
  // CPython's module do.
  std::vector<std::pair<Value, Value>> functions;
  std::int64_t pos = 0;
  Value k, v;
  while (dict_next(d, pos, k, v))
    if (v.is_object() && is_layout(v, Layout::Function) && str_check(k) &&
        str_utf8(k).front() != '_')
      functions.emplace_back(k, v);
  for (auto& [fn_name, fn] : functions) {
    Value wrapped = call1(t, wrap, fn);
    if (!wrapped || !dict_set(t, d, fn_name, wrapped)) return {};
  }
  if (dict_del(t, d, builtin_key) < 0) return {};
  return module;
}

} // namespace interp
