// interp/modules/module_support.cc - helpers for the modules written in C++ (see
// module_support.h).
#include "interp/modules/module_support.h"

#include "interp/ops.h"

namespace interp {

Value new_module(Thread& t, const char* module_name, const ModuleFunction* functions,
                 std::size_t n) {
  Value modname = intern_literal(t, module_name);
  Value m = module_new(t, modname);
  if (!m) return {};
  Value d = rd<Object>(m)->dict;
  for (std::size_t i = 0; i < n; ++i) {
    Value fn = make_native_function(t, functions[i].name, functions[i].fn, modname);
    if (!fn || !dict_set(t, d, intern_literal(t, functions[i].name), fn)) return {};
  }
  return m;
}

void module_set(Thread& t, Value module, const char* attr, Value value) {
  if (value) dict_set(t, rd<Object>(module)->dict, intern_literal(t, attr), value);
}

Value new_type(Thread& t, const char* type_name, const char* module_name, Layout layout, Value base,
               bool subclassable) {
  if (!base) base = type_value(T_object);
  Value type = allocate(t, Layout::Type, type_value(T_type), sizeof(TypeObject));
  if (!type) return {};
  Value n = str_from_utf8(t, type_name);
  Value d = dict_new(t);
  Value bases = tuple_from(t, &base, 1);
  if (!n || !d || !bases) return {};
  TypeObject* o = fresh<TypeObject>(type);
  o->flags = (subclassable ? kBaseType : 0) | kNoInstanceDict;
  o->layout = static_cast<std::uint64_t>(layout);
  o->base = base;
  o->name = n;
  o->qualname = n;
  o->dict = d;
  o->bases = bases;
  o->module = intern_literal(t, module_name);
  if (!compute_mro(t, type)) return {};
  add_attribute(t, type, "__module__", intern_literal(t, module_name));
  return type;
}

Value arg_or_keyword(const Value* args, std::size_t nargs, Value kwnames, std::size_t position,
                     const char* keyword) {
  std::size_t npos = nargs - keyword_count(kwnames);
  if (position < npos) return args[position];
  return keyword ? keyword_arg(kwnames, args, nargs, keyword) : Value();
}

} // namespace interp
