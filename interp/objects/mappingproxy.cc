// interp/objects/mappingproxy.cc - mappingproxy (types.MappingProxyType): a read-only view
// of a mapping. A class's __dict__ is one, so that writes go through type.__setattr__,
// which keeps the class's lookup cache and flags right. A WrapperObject: `wrapped` is the
// mapping; every reading method is the mapping's own.
#include "interp/objects/args.h"
#include "interp/objects/objects.h"
#include "interp/ops.h"

namespace interp {

namespace {

Value wrapped(Value proxy) {
  return ro<WrapperObject>(proxy)->wrapped;
}

// Calls the mapping's method `name` with the proxy's arguments after self.
Value forward(Thread& t, const char* name, const Value* args, std::size_t nargs, Value kwnames) {
  Value method = getattr(t, wrapped(args[0]), intern_literal(t, name));
  if (!method) return {};
  return call(t, method, args + 1, nargs - 1, kwnames);
}

INTERP_NATIVE(proxy_new) {
  if (!check_positional(t, "mappingproxy", nargs, kwnames, 1, 1)) return {};
  Value mapping = args[1];
  bool sequence =
      mapping.is_object() && (isinstance(mapping, T_list) || isinstance(mapping, T_tuple));
  if (sequence || !lookup_special(t, mapping, N___getitem__)) {
    if (t.pending) return {};
    return raisef(t, exc(E_TypeError), "mappingproxy() argument must be a mapping, not %s",
                  type_name_of(mapping).c_str());
  }
  return mappingproxy_new(t, mapping);
}

INTERP_NATIVE(proxy_getitem) {
  if (!check_positional(t, "__getitem__", nargs, kwnames, 1, 1)) return {};
  return getitem(t, wrapped(args[0]), args[1]);
}

INTERP_NATIVE(proxy_contains) {
  if (!check_positional(t, "__contains__", nargs, kwnames, 1, 1)) return {};
  int found = contains(t, wrapped(args[0]), args[1]);
  return found < 0 ? Value() : py_bool(found);
}

INTERP_NATIVE(proxy_iter) {
  if (!check_positional(t, "__iter__", nargs, kwnames, 0, 0)) return {};
  return iter(t, wrapped(args[0]));
}

INTERP_NATIVE(proxy_len) {
  if (!check_positional(t, "__len__", nargs, kwnames, 0, 0)) return {};
  std::int64_t n = 0;
  return length(t, wrapped(args[0]), n) ? int_from_i64(t, n) : Value();
}

INTERP_NATIVE(proxy_repr) {
  Value inner = repr(t, wrapped(args[0]));
  return inner ? str_from_utf8(t, "mappingproxy(" + str_utf8(inner) + ")") : Value();
}

INTERP_NATIVE(proxy_str) {
  return str(t, wrapped(args[0]));
}

INTERP_NATIVE(proxy_eq) {
  if (!check_positional(t, "__eq__", nargs, kwnames, 1, 1)) return {};
  return compare(t, wrapped(args[0]), args[1], bytecode::CompareOp::Eq);
}

INTERP_NATIVE(proxy_ne) {
  if (!check_positional(t, "__ne__", nargs, kwnames, 1, 1)) return {};
  return compare(t, wrapped(args[0]), args[1], bytecode::CompareOp::Ne);
}

// proxy | other and other | proxy: the mapping's union (a new dict for dicts).
INTERP_NATIVE(proxy_or) {
  if (!check_positional(t, "__or__", nargs, kwnames, 1, 1)) return {};
  Value other = args[1];
  if (other.is_object() && type_of(other) == type_value(T_mappingproxy)) other = wrapped(other);
  return binary_op(t, wrapped(args[0]), other, bytecode::BinaryOp::Or);
}

INTERP_NATIVE(proxy_ror) {
  if (!check_positional(t, "__ror__", nargs, kwnames, 1, 1)) return {};
  return binary_op(t, args[1], wrapped(args[0]), bytecode::BinaryOp::Or);
}

INTERP_NATIVE(proxy_ior) {
  return raisef(t, exc(E_TypeError), "'|=' is not supported by mappingproxy; use '|' instead");
}

INTERP_NATIVE(proxy_get) {
  return forward(t, "get", args, nargs, kwnames);
}
INTERP_NATIVE(proxy_keys) {
  return forward(t, "keys", args, nargs, kwnames);
}
INTERP_NATIVE(proxy_values) {
  return forward(t, "values", args, nargs, kwnames);
}
INTERP_NATIVE(proxy_items) {
  return forward(t, "items", args, nargs, kwnames);
}
INTERP_NATIVE(proxy_copy) {
  return forward(t, "copy", args, nargs, kwnames);
}
INTERP_NATIVE(proxy_reversed) {
  return forward(t, "__reversed__", args, nargs, kwnames);
}

} // namespace

Value mappingproxy_new(Thread& t, Value mapping) {
  Value p = allocate(t, Layout::Wrapper, type_value(T_mappingproxy), sizeof(WrapperObject));
  if (!p) return {};
  fresh<WrapperObject>(p)->wrapped = mapping;
  return p;
}

void init_mappingproxy_type(Thread& t) {
  Value type = type_value(T_mappingproxy);
  add_staticmethod(t, type, "__new__", proxy_new);
  add_method(t, type, "__getitem__", proxy_getitem);
  add_method(t, type, "__contains__", proxy_contains);
  add_method(t, type, "__iter__", proxy_iter);
  add_method(t, type, "__len__", proxy_len);
  add_method(t, type, "__repr__", proxy_repr);
  add_method(t, type, "__str__", proxy_str);
  add_method(t, type, "__eq__", proxy_eq);
  add_method(t, type, "__ne__", proxy_ne);
  add_method(t, type, "__or__", proxy_or);
  add_method(t, type, "__ror__", proxy_ror);
  add_method(t, type, "__ior__", proxy_ior);
  add_method(t, type, "__reversed__", proxy_reversed);
  add_method(t, type, "get", proxy_get);
  add_method(t, type, "keys", proxy_keys);
  add_method(t, type, "values", proxy_values);
  add_method(t, type, "items", proxy_items);
  add_method(t, type, "copy", proxy_copy);
  add_attribute(t, type, "__hash__", none());
}

} // namespace interp
