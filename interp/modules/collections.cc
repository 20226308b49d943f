// interp/modules/collections.cc - the _collections module: deque (deque.cc) and
// defaultdict (OrderedDict comes from collections/__init__.py's Python version).
//
// A defaultdict is a Dict-layout object with one more word, its default_factory.
#include "interp/modules/module_support.h"
#include "interp/modules/modules.h"
#include "interp/objects/sequence.h"
#include "interp/ops.h"
#include "interp/vm/vm.h"

namespace interp {

// deque and its iterators, made into `module` (deque.cc); false with the exception.
bool add_deque_types(Thread& t, Value module);

namespace {

struct DefaultDictObject : DictObject {
  Value factory; // None or a callable
};

// ---- defaultdict
// ---------------------------------------------------------------------------------

INTERP_NATIVE(defaultdict_new) {
  Value d = allocate(t, Layout::Dict, args[0], sizeof(DefaultDictObject));
  if (d) fresh<DefaultDictObject>(d)->factory = none();
  return d;
}

INTERP_NATIVE(defaultdict_init) {
  std::size_t npos = nargs - keyword_count(kwnames);
  Value factory = none();
  std::size_t skip = 1;
  if (npos > 1) {
    factory = args[1];
    if (factory != none() && !is_callable(factory))
      return raise(t, exc(E_TypeError), "first argument must be callable or None");
    skip = 2;
  }
  wr<DefaultDictObject>(args[0])->factory = factory;
  Value init = type_lookup(type_value(T_dict), name(N___init__));
  std::vector<Value> rest;
  rest.push_back(args[0]);
  for (std::size_t i = skip; i < nargs; ++i)
    rest.push_back(args[i]);
  return call(t, init, rest.data(), rest.size(), kwnames);
}

INTERP_NATIVE(defaultdict_missing) {
  if (!check_positional(t, "defaultdict.__missing__", nargs, kwnames, 1, 1)) return {};
  Value factory = rd<DefaultDictObject>(args[0])->factory;
  if (factory == none()) {
    Value a = tuple_from(t, &args[1], 1);
    if (!a) return {};
    Value e = exception_new(t, exc(E_KeyError), a);
    return e ? raise_value(t, e) : Value();
  }
  Value v = call0(t, factory);
  if (!v || !setitem(t, args[0], args[1], v)) return {};
  return v;
}

INTERP_NATIVE(defaultdict_factory) {
  return rd<DefaultDictObject>(args[0])->factory;
}

// Any object may be the factory, as CPython's member allows; deleting it leaves None.
INTERP_NATIVE(defaultdict_set_factory) {
  wr<DefaultDictObject>(args[0])->factory = nargs > 1 ? args[1] : none();
  return none();
}

INTERP_NATIVE(defaultdict_repr) {
  Value plain = call1(t, type_lookup(type_value(T_dict), name(N___repr__)), args[0]);
  if (!plain) return {};
  Value factory = rd<DefaultDictObject>(args[0])->factory;
  std::string f = factory == none() ? "None" : repr_utf8(t, factory);
  return str_from_utf8(t, type_name(type_of(args[0])) + "(" + f + ", " + str_utf8(plain) + ")");
}

INTERP_NATIVE(defaultdict_copy) {
  Value factory = rd<DefaultDictObject>(args[0])->factory;
  Value a[2] = {factory, args[0]};
  return call(t, type_of(args[0]), a, 2);
}

INTERP_NATIVE(defaultdict_reduce) {
  Value factory = rd<DefaultDictObject>(args[0])->factory;
  Value fa = factory == none() ? runtime().empty_tuple : tuple_from(t, &factory, 1);
  Value items = getattr(t, args[0], name(N_items));
  Value it = items ? call0(t, items) : Value();
  it = it ? iter(t, it) : Value();
  if (!fa || !it) return {};
  Value parts[5] = {type_of(args[0]), fa, none(), none(), it};
  return tuple_from(t, parts, 5);
}

} // namespace

Value make_collections_module(Thread& t) {
  Value m = new_module(t, "_collections", nullptr, 0);
  if (!m) return {};
  if (!add_deque_types(t, m)) return {};

  Value dd = new_type(t, "defaultdict", "collections", Layout::Dict, type_value(T_dict));
  if (!dd) return {};
  add_staticmethod(t, dd, "__new__", defaultdict_new);
  add_method(t, dd, "__init__", defaultdict_init);
  add_method(t, dd, "__missing__", defaultdict_missing);
  add_method(t, dd, "__repr__", defaultdict_repr);
  add_method(t, dd, "copy", defaultdict_copy);
  add_method(t, dd, "__copy__", defaultdict_copy);
  add_method(t, dd, "__reduce__", defaultdict_reduce);
  add_getter(t, dd, "default_factory", defaultdict_factory, defaultdict_set_factory);
  update_type_flags(dd);
  module_set(t, m, "defaultdict", dd);
  return m;
}

} // namespace interp
