// interp/objects/object.cc - the methods of `object` (the root of every class) and of
// `type` (the class of classes).
#include "interp/modules/modules.h"
#include "interp/objects/args.h"
#include "interp/objects/objects.h"
#include "interp/ops.h"
#include "interp/vm/vm.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

namespace interp {

namespace {

std::size_t layout_size(Layout layout) {
  switch (layout) {
  case Layout::Instance:
    return sizeof(Object);
  case Layout::List:
    return sizeof(ListObject);
  case Layout::Dict:
    return sizeof(DictObject);
  case Layout::Set:
    return sizeof(SetObject);
  case Layout::Exception:
    return sizeof(ExceptionObject);
  case Layout::Module:
    return sizeof(ModuleObject);
  default:
    return 0;
  }
}

} // namespace

// "Can't instantiate abstract class C with abstract methods a, b": the names sorted.
static Value abstract_instantiation_error(Thread& t, Value cls) {
  Value abstract = dict_get_str(rd<TypeObject>(cls)->dict, name(N___abstractmethods__));
  std::vector<std::string> names;
  if (Value it = abstract ? iter(t, abstract) : Value()) {
    while (Value item = next(t, it))
      if (str_check(item)) names.push_back(str_utf8(item));
  }
  if (t.pending) return {};
  std::sort(names.begin(), names.end()); // UTF-8 byte order is code point order
  std::string list;
  for (const std::string& n : names)
    list += (list.empty() ? "" : ", ") + n;
  return raisef(t, exc(E_TypeError),
                "Can't instantiate abstract class %s with abstract method%s %s",
                type_name(cls).c_str(), names.size() == 1 ? "" : "s", list.c_str());
}

// Native types of the Instance layout (deque, the _io streams, ...) carry a bigger struct
// than object's and make it in their own __new__: an object.__new__ instance of one would
// let its methods read and write past the end of the object.
static bool native_instance_is_plain(Value cls) {
  Value solid = solid_base(cls);
  if (solid == type_value(T_object)) return true;
  Value object_new = dict_get_str(rd<TypeObject>(type_value(T_object))->dict, name(N___new__));
  return type_lookup(solid, name(N___new__)) == object_new;
}

Value object_new_instance(Thread& t, Value cls) {
  const TypeObject* to = rd<TypeObject>(cls);
  if (to->flags & kIsAbstract) return abstract_instantiation_error(t, cls);
  Layout layout = static_cast<Layout>(to->layout);
  std::size_t size = layout_size(layout);
  if (!size)
    return raisef(t, exc(E_TypeError), "object.__new__(%s) is not safe, use %s.__new__()",
                  type_name(cls).c_str(), type_name(solid_base(cls)).c_str());
  if (layout == Layout::Instance && !native_instance_is_plain(cls)) {
    std::string n = display_name(cls);
    return raisef(t, exc(E_TypeError), "object.__new__(%s) is not safe, use %s.__new__()",
                  n.c_str(), n.c_str());
  }
  return allocate(t, layout, cls, size);
}

namespace {

bool overrides(Value type, NameId id, Value object_method) {
  return type_lookup(type, name(id)) != object_method;
}

INTERP_NATIVE(object_new) {
  Value cls = args[0];
  if (!is_layout(cls, Layout::Type))
    return raisef(t, exc(E_TypeError), "object.__new__(X): X is not a type object (%s)",
                  type_name_of(cls).c_str());
  std::size_t extra = nargs - 1;
  if (extra) {
    Value object_type = type_value(T_object);
    Value my_new = dict_get_str(rd<TypeObject>(object_type)->dict, name(N___new__));
    Value my_init = dict_get_str(rd<TypeObject>(object_type)->dict, name(N___init__));
    if (overrides(cls, N___new__, my_new))
      return raise(t, exc(E_TypeError),
                   "object.__new__() takes exactly one argument (the type to instantiate)");
    if (!overrides(cls, N___init__, my_init))
      return raisef(t, exc(E_TypeError), "%s() takes no arguments", type_name(cls).c_str());
  }
  return object_new_instance(t, cls);
}

INTERP_NATIVE(object_init) {
  Value self = args[0];
  if (nargs > 1) {
    Value type = type_of(self);
    Value object_type = type_value(T_object);
    Value my_new = dict_get_str(rd<TypeObject>(object_type)->dict, name(N___new__));
    Value my_init = dict_get_str(rd<TypeObject>(object_type)->dict, name(N___init__));
    if (overrides(type, N___init__, my_init))
      return raise(t, exc(E_TypeError),
                   "object.__init__() takes exactly one argument (the instance to initialize)");
    if (!overrides(type, N___new__, my_new))
      return raisef(t, exc(E_TypeError),
                    "%s.__init__() takes exactly one argument (the instance to initialize)",
                    type_name(type).c_str());
  }
  return none();
}

} // namespace

std::string qualified_name(Thread& t, Value type) {
  const TypeObject* to = rd<TypeObject>(type);
  std::string q = str_utf8(to->qualname);
  Value module = to->module;
  if (!(to->flags & kHeapType))
    return q.find('.') == std::string::npos && module && str_check(module) &&
                   !str_equal_ascii(module, "builtins")
               ? str_utf8(module) + "." + q
               : q;
  // A class's __module__ is its dict's entry, which assignment changes; the field is only
  // the fallback of types made in C++.
  if (Value in_dict = to->dict ? dict_get_str(to->dict, name(N___module__)) : Value())
    module = in_dict;
  if (module && str_check(module) && !str_equal_ascii(module, "builtins"))
    return str_utf8(module) + "." + q;
  (void)t;
  return q;
}

namespace {

INTERP_NATIVE(object_repr) {
  char address[32];
  std::snprintf(address, sizeof address, "0x%llx", static_cast<unsigned long long>(args[0].bits()));
  return str_from_utf8(t,
                       "<" + qualified_name(t, type_of(args[0])) + " object at " + address + ">");
}

INTERP_NATIVE(object_str) {
  return repr(t, args[0]);
}

INTERP_NATIVE(object_eq) {
  return args[0] == args[1] ? runtime().true_ : runtime().not_implemented;
}

INTERP_NATIVE(object_ne) {
  // The inverse of __eq__, unless that is NotImplemented.
  Value eq = type_lookup(type_of(args[0]), name(N___eq__));
  if (!eq) return runtime().not_implemented;
  Value r = call2(t, eq, args[0], args[1]);
  if (!r || r == runtime().not_implemented) return r;
  int truth = truthy(t, r);
  if (truth < 0) return {};
  return py_bool(!truth);
}

INTERP_NATIVE(object_not_implemented) {
  return runtime().not_implemented;
}

INTERP_NATIVE(object_hash) {
  return int_from_i64(t, std::int64_t(args[0].bits() >> 4));
}

INTERP_NATIVE(object_getattribute) {
  if (!check_positional(t, "__getattribute__", nargs, kwnames, 1, 1)) return {};
  if (!str_check(args[1]))
    return raisef(t, exc(E_TypeError), "attribute name must be string, not '%s'",
                  type_name_of(args[1]).c_str());
  return generic_getattr(t, args[0], args[1], false);
}

// CPython's hackcheck: object.__setattr__ may not skip the __setattr__ of a builtin type
// that has its own (type's, which keeps a class's caches right): object.__setattr__(str,
// "x", 1) is a TypeError.
bool hackcheck(Thread& t, Value self, const char* what) {
  if (!self.is_object() || !is_layout(self, Layout::Type)) return true;
  raisef(t, exc(E_TypeError), "can't apply this %s to %s object", what,
         type_name_of(self).c_str());
  return false;
}

INTERP_NATIVE(object_setattr) {
  if (!check_positional(t, "__setattr__", nargs, kwnames, 2, 2)) return {};
  if (!str_check(args[1]))
    return raisef(t, exc(E_TypeError), "attribute name must be string, not '%s'",
                  type_name_of(args[1]).c_str());
  if (!hackcheck(t, args[0], "__setattr__")) return {};
  return generic_setattr(t, args[0], args[1], args[2]) ? none() : Value();
}

INTERP_NATIVE(object_delattr) {
  if (!check_positional(t, "__delattr__", nargs, kwnames, 1, 1)) return {};
  if (!hackcheck(t, args[0], "__delattr__")) return {};
  return generic_setattr(t, args[0], args[1], {}) ? none() : Value();
}

INTERP_NATIVE(object_format) {
  if (!check_positional(t, "__format__", nargs, kwnames, 1, 1)) return {};
  if (!str_check(args[1]))
    return raisef(t, exc(E_TypeError), "__format__() argument must be str, not %s",
                  type_name_of(args[1]).c_str());
  if (str_length(args[1]) != 0)
    return raisef(t, exc(E_TypeError), "unsupported format string passed to %s.__format__",
                  type_name_of(args[0]).c_str());
  return str(t, args[0]);
}

INTERP_NATIVE(object_init_subclass) {
  if (keyword_count(kwnames) || nargs > 1)
    return raisef(t, exc(E_TypeError), "%s.__init_subclass__() takes no keyword arguments",
                  type_name(args[0]).c_str());
  return none();
}

INTERP_NATIVE(object_dir) {
  Value result = list_new(t);
  if (!result) return {};
  Value seen = dict_new(t);
  if (!seen) return {};
  auto add_keys = [&](Value d) {
    std::int64_t pos = 0;
    Value k, v;
    while (dict_next(d, pos, k, v))
      if (!dict_set(t, seen, k, none())) return false;
    return true;
  };
  // What the object's __dict__ and __class__ say (a bound method's are its function's, a
  // proxy may claim a class), as CPython reads them.
  Value type = args[0];
  if (!is_layout(args[0], Layout::Type)) {
    Value d = args[0].is_object() ? getattr_opt(t, args[0], name(N___dict__)) : Value();
    if (t.pending) return {};
    if (d && dict_check(d) && !add_keys(d)) return {};
    Value cls = getattr_opt(t, args[0], name(N___class__));
    if (t.pending) return {};
    type = cls && is_layout(cls, Layout::Type) ? cls : type_of(args[0]);
  }
  Value mro = rd<TypeObject>(type)->mro;
  for (std::int64_t i = 0; i < tuple_length(mro); ++i)
    if (!add_keys(rd<TypeObject>(tuple_item(mro, i))->dict)) return {};
  std::int64_t pos = 0;
  Value k, v;
  while (dict_next(seen, pos, k, v))
    if (!list_append(t, result, k)) return {};
  return result;
}

// The default answer of issubclass() hooks (abc asks every class): "no opinion".
INTERP_NATIVE(object_subclasshook) {
  return runtime().not_implemented;
}

INTERP_NATIVE(instance_doc) {
  return getattr(t, args[0], name(N___doc__));
}

// type.__dict__['__doc__'].__set__(cls, doc), as CPython's check_set_special_type_attr
// words its refusals (deleting is refused for every class).
INTERP_NATIVE(type_doc_set) {
  Value type = args[0];
  if (!(rd<TypeObject>(type)->flags & kHeapType))
    return raisef(t, exc(E_TypeError), "cannot set '__doc__' attribute of immutable type '%s'",
                  type_name(type).c_str());
  if (nargs < 2)
    return raisef(t, exc(E_TypeError), "cannot delete '__doc__' attribute of immutable type '%s'",
                  type_name(type).c_str());
  if (!dict_set(t, rd<TypeObject>(type)->dict, name(N___doc__), args[1])) return {};
  type_modified(type);
  return none();
}

INTERP_NATIVE(object_class) {
  return type_of(args[0]);
}

// obj.__class__ = C: only between classes whose instances have the same shape (builtin
// layout, instance dict or not, slot words and their names, weak references), as CPython
// allows (compatible_for_class_assignment).
INTERP_NATIVE(object_set_class) {
  if (nargs < 2) return raise(t, exc(E_TypeError), "can't delete __class__ attribute");
  Value obj = args[0], to = args[1];
  if (!to.is_object() || !is_layout(to, Layout::Type))
    return raisef(t, exc(E_TypeError), "__class__ must be set to a class, not '%s' object",
                  type_name_of(to).c_str());
  Value from = type_of(obj);
  auto mutable_class = [](Value type) {
    return (rd<TypeObject>(type)->flags & kHeapType) || is_subtype(type, type_value(T_module));
  };
  if (!mutable_class(from) || !mutable_class(to))
    return raise(t, exc(E_TypeError),
                 "__class__ assignment only supported for mutable types or ModuleType subclasses");
  if (rd<TypeObject>(from)->layout != rd<TypeObject>(to)->layout ||
      !compatible_for_class_assignment(from, to))
    return raisef(t, exc(E_TypeError), "__class__ assignment: '%s' object layout differs from '%s'",
                  type_name(to).c_str(), type_name(from).c_str());
  wr<Object>(obj)->cls = to;
  return none();
}

// ---- pickling: object.__getstate__, __reduce__, __reduce_ex__ -------------------------------

// copyreg.<attr>
Value copyreg_attr(Thread& t, const char* attr) {
  Value m = import_module(t, "copyreg");
  return m ? getattr(t, m, intern_literal(t, attr)) : Value();
}

// Whether instances of `type` carry no data beyond a __dict__ and __slots__ (every class
// from object to it is a class statement's), so that the default state describes them.
bool plain_instances(Value type) {
  Value base = solid_base(type);
  return base == type_value(T_object) || (rd<TypeObject>(base)->flags & kHeapType);
}

// object.__getstate__(): the instance __dict__ (None when empty or absent), paired with a
// dict of the __slots__ that hold a value when the class has any.
Value default_state(Thread& t, Value obj, bool required) {
  Value type = type_of(obj);
  if (required && !plain_instances(type))
    return raisef(
        t, exc(E_TypeError), "cannot pickle '%s' object",
        (rd<TypeObject>(type)->flags & kHeapType ? type_name(type) : qualified_name(t, type))
            .c_str());
  Value state = none();
  if (Value d = getattr_opt(t, obj, name(N___dict__)); d && dict_check(d) && dict_length(d) > 0)
    state = d;
  if (t.pending) return {};
  Value slotnames_fn = copyreg_attr(t, "_slotnames");
  Value names = slotnames_fn ? call1(t, slotnames_fn, type) : Value();
  if (!names) return {};
  Value list = list_of(t, names);
  if (!list) return {};
  if (list_length(list) == 0) return state;
  Value slots = dict_new(t);
  if (!slots) return {};
  for (std::int64_t i = 0; i < list_length(list); ++i) {
    Value key = list_item(list, i);
    Value v = getattr_opt(t, obj, key);
    if (!v && t.pending && matches(t, exc(E_AttributeError))) clear_pending(t); // unset slot
    if (t.pending) return {};
    if (v && !dict_set(t, slots, key, v)) return {};
  }
  if (dict_length(slots) == 0) return state;
  Value pair[2] = {state, slots};
  return tuple_from(t, pair, 2);
}

INTERP_NATIVE(object_getstate) {
  if (!check_positional(t, "__getstate__", nargs, kwnames, 0, 0)) return {};
  return default_state(t, args[0], false);
}

bool is_tuple(Value v) {
  return v.is_object() && isinstance(v, T_tuple);
}

// Protocol 2 and later: (copyreg.__newobj__, (cls, *args), state, listitems, dictitems),
// or __newobj_ex__ with keyword arguments, args from __getnewargs_ex__ / __getnewargs__.
Value reduce_newobj(Thread& t, Value obj) {
  Value type = type_of(obj);
  Value args = {}, kwargs = {};
  // Looked up on the class, as special methods are (an instance's __getattr__ is not asked).
  auto special = [&](const char* method) -> Value {
    Value d = type_lookup(type, intern_literal(t, method));
    return d ? descriptor_get(t, d, obj, type) : Value();
  };
  if (Value f = special("__getnewargs_ex__")) {
    Value r = call0(t, f);
    if (!r) return {};
    if (!is_tuple(r) || tuple_length(r) != 2)
      return raise(t, exc(E_TypeError), "__getnewargs_ex__ should return a tuple of length 2");
    args = tuple_item(r, 0);
    kwargs = tuple_item(r, 1);
    if (!is_tuple(args) || !dict_check(kwargs))
      return raise(t, exc(E_TypeError),
                   "__getnewargs_ex__ should return a tuple (tuple, dict) of arguments");
  } else if (t.pending) {
    return {};
  } else if (Value g = special("__getnewargs__")) {
    args = call0(t, g);
    if (!args) return {};
    if (!is_tuple(args))
      return raisef(t, exc(E_TypeError), "__getnewargs__ should return a tuple, not '%s'",
                    type_name_of(args).c_str());
  } else if (t.pending) {
    return {};
  }
  bool has_args = bool(args);
  if (!args) args = runtime().empty_tuple;
  Value newobj, newargs;
  if (!kwargs || dict_length(kwargs) == 0) {
    newobj = copyreg_attr(t, "__newobj__");
    if (!newobj) return {};
    std::vector<Value> items{type};
    for (std::int64_t i = 0; i < tuple_length(args); ++i)
      items.push_back(tuple_item(args, i));
    newargs = tuple_from(t, items.data(), items.size());
  } else {
    newobj = copyreg_attr(t, "__newobj_ex__");
    if (!newobj) return {};
    Value items[3] = {type, args, kwargs};
    newargs = tuple_from(t, items, 3);
  }
  if (!newargs) return {};
  bool is_list = isinstance(obj, T_list), is_dict = isinstance(obj, T_dict);
  Value state;
  Value key = intern_literal(t, "__getstate__");
  if (type_lookup(type, key) == type_lookup(type_value(T_object), key)) {
    state = default_state(t, obj, !has_args && !is_list && !is_dict);
  } else {
    state = object_state(t, obj);
  }
  if (!state) return {};
  Value listitems = none(), dictitems = none();
  if (is_list) {
    listitems = iter(t, obj);
    if (!listitems) return {};
  }
  if (is_dict) {
    Value items_fn = getattr(t, obj, intern_literal(t, "items"));
    Value items = items_fn ? call0(t, items_fn) : Value();
    dictitems = items ? iter(t, items) : Value();
    if (!dictitems) return {};
  }
  Value result[5] = {newobj, newargs, state, listitems, dictitems};
  return tuple_from(t, result, 5);
}

Value common_reduce(Thread& t, Value obj, std::int64_t protocol) {
  if (protocol >= 2) return reduce_newobj(t, obj);
  Value f = copyreg_attr(t, "_reduce_ex");
  if (!f) return {};
  Value a[2] = {obj, Value::small_int(protocol)};
  return call(t, f, a, 2);
}

INTERP_NATIVE(object_reduce) {
  if (!check_positional(t, "__reduce__", nargs, kwnames, 0, 0)) return {};
  return common_reduce(t, args[0], 0);
}

INTERP_NATIVE(object_reduce_ex) {
  if (!check_positional(t, "__reduce_ex__", nargs, kwnames, 1, 1)) return {};
  std::int64_t protocol;
  if (!index_to_i64(t, args[1], protocol)) return {};
  // A class's own __reduce__ wins over object's.
  Value own = type_lookup(type_of(args[0]), intern_literal(t, "__reduce__"));
  Value mine = type_lookup(type_value(T_object), intern_literal(t, "__reduce__"));
  if (own && own != mine) {
    Value f = getattr(t, args[0], intern_literal(t, "__reduce__"));
    return f ? call0(t, f) : Value();
  }
  return common_reduce(t, args[0], protocol);
}

// CPython 3.11's __sizeof__ of the builtin types (object's, int's, str's, bytes', list's,
// dict's, bytearray's): the type's basic size and what the variable part takes there.
// Where the parts are laid out differently here (a list's or a dict's spare room) the
// count follows this interpreter's, so it grows with the object as CPython's does.
std::int64_t int_digits(Value v) { // CPython's 30-bit digits, at least one
  std::uint64_t bits;
  if (v.is_small_int()) {
    std::int64_t x = v.small_int_value();
    std::uint64_t m = x < 0 ? std::uint64_t(0) - std::uint64_t(x) : std::uint64_t(x);
    bits = m ? 64 - std::uint64_t(__builtin_clzll(m)) : 0;
  } else {
    const IntObject* o = ro<IntObject>(v);
    std::int64_t n = o->size < 0 ? -o->size : o->size;
    bits = n ? 64 * std::uint64_t(n - 1) + 64 - std::uint64_t(__builtin_clzll(o->limbs[n - 1]))
             : 0;
  }
  return std::max<std::int64_t>(1, std::int64_t((bits + 29) / 30));
}

std::int64_t object_size(Value v) {
  if (v.is_tagged_float()) return 24;
  if (!v.is_object() || is_layout(v, Layout::BigInt)) return 24 + 4 * int_digits(v);
  Value type = type_of(v);
  TypeSizes sizes = type_sizes(type);
  switch (layout_of(v)) {
  case Layout::Str: {
    const StrObject* o = ro<StrObject>(v);
    std::int64_t kind = 1;
    if (o->kind == 4) {
      std::uint32_t widest = 0;
      auto* cps = reinterpret_cast<const std::uint32_t*>(o->data);
      for (std::int64_t i = 0; i < o->length; ++i)
        widest = std::max(widest, cps[i]);
      kind = widest < 0x100 ? 1 : widest < 0x10000 ? 2 : 4;
    }
    bool ascii = o->kind == 1;
    // An exact str is compact (its characters follow the header: 48 bytes when ASCII, 72
    // otherwise); a subclass's characters live apart from its 80.
    std::int64_t head = type != type_value(T_str) ? 80 : ascii ? 48 : 72;
    return head + (o->length + 1) * kind;
  }
  case Layout::Bytes:
    return sizes.basicsize + ro<BytesObject>(v)->length;
  case Layout::Tuple:
    return sizes.basicsize + 8 * ro<TupleObject>(v)->length;
  case Layout::List: {
    Value storage = rd<ListObject>(v)->storage;
    return sizes.basicsize + (storage ? 8 * rd<ValueArray>(storage)->capacity : 0);
  }
  case Layout::Dict: {
    Value storage = rd<DictObject>(v)->storage;
    if (!storage) return sizes.basicsize;
    const DictStorage* d = rd<DictStorage>(storage);
    std::int64_t index_bytes = d->index_size <= 128 ? 1 : d->index_size <= 32768 ? 2 : 4;
    return sizes.basicsize + 32 + d->index_size * index_bytes + 24 * d->capacity;
  }
  case Layout::ByteArray: {
    Value storage = rd<ByteArrayObject>(v)->storage;
    return sizes.basicsize + (storage ? ro<BytesObject>(storage)->length + 1 : 0);
  }
  default:
    return sizes.basicsize;
  }
}

INTERP_NATIVE(object_sizeof) {
  return int_from_i64(t, object_size(args[0]));
}

// CPython's type.__sizeof__: a static type's struct, or a class's, with a member for each
// of its slots.
INTERP_NATIVE(type_sizeof) {
  Value type = args[0];
  if (!(rd<TypeObject>(type)->flags & kHeapType)) return Value::small_int(408);
  std::int64_t slots = 0;
  Value dict = rd<TypeObject>(type)->dict;
  std::int64_t pos = 0;
  Value k, v;
  while (dict_next(dict, pos, k, v))
    if (is_member_descriptor(v) && descriptor_owner(v) == type) ++slots;
  return Value::small_int(type_sizes(type_of(type)).basicsize + 40 * slots);
}

// ---- type ---------------------------------------------------------------------------------

INTERP_NATIVE(type_repr) {
  return str_from_utf8(t, "<class '" + qualified_name(t, args[0]) + "'>");
}

INTERP_NATIVE(type_call) {
  // Reached for metaclasses that do not override __call__: make and initialize.
  Value type = args[0];
  Value new_fn = new_function_of(t, type);
  if (!new_fn && t.pending) return {};
  Value instance = call(t, new_fn, args, nargs, kwnames);
  if (!instance) return {};
  if (!is_subtype(type_of(instance), type)) return instance;
  Value init = type_lookup(type_of(instance), name(N___init__));
  if (!init) return instance;
  // Bound as any special method (a property or other descriptor may stand there).
  Value r = vm::call_function_or_other(t, init, instance, args + 1, nargs - 1, kwnames);
  if (!r) return {};
  if (r != none())
    return raisef(t, exc(E_TypeError), "__init__() should return None, not '%s'",
                  type_name_of(r).c_str());
  return instance;
}

INTERP_NATIVE(type_new_method) {
  // type(x) or type(name, bases, dict, **kwds)
  std::size_t nkw = keyword_count(kwnames);
  std::size_t npos = nargs - 1 - nkw;
  Value meta = args[0];
  if (npos == 1 && nkw == 0 && meta == type_value(T_type)) return type_of(args[1]);
  if (npos != 3) {
    if (meta == type_value(T_type))
      return raise(t, exc(E_TypeError), "type() takes 1 or 3 arguments");
    return raisef(t, exc(E_TypeError), "type.__new__() takes exactly 3 arguments (%zu given)",
                  npos);
  }
  if (!isinstance(args[2], T_tuple))
    return raisef(t, exc(E_TypeError), "type.__new__() argument 2 must be tuple, not %s",
                  type_name_of(args[2]).c_str());
  if (!dict_check(args[3]))
    return raisef(t, exc(E_TypeError), "type.__new__() argument 3 must be dict, not %s",
                  type_name_of(args[3]).c_str());
  Value kwargs;
  if (nkw) {
    kwargs = dict_new(t);
    if (!kwargs) return {};
    for (std::size_t i = 0; i < nkw; ++i)
      if (!dict_set(t, kwargs, tuple_item(kwnames, i), args[nargs - nkw + i])) return {};
  }
  // The winner among the metaclasses of the bases.
  Value bases = args[2];
  for (std::int64_t i = 0; i < tuple_length(bases); ++i) {
    Value bm = type_of(tuple_item(bases, i));
    if (is_subtype(bm, meta))
      meta = bm;
    else if (!is_subtype(meta, bm))
      return raise(t, exc(E_TypeError),
                   "metaclass conflict: the metaclass of a derived class must be a (non-strict) "
                   "subclass of the metaclasses of all its bases");
  }
  if (meta != args[0]) {
    // A more derived metaclass with a __new__ of its own makes the class (CPython hands
    // type(name, bases, ns, **kw) over to it the same way).
    Value own = type_lookup(meta, name(N___new__));
    if (own && is_layout(own, Layout::Wrapper)) own = ro<WrapperObject>(own)->wrapped;
    bool is_type_new =
        own && is_layout(own, Layout::Native) && ro<NativeObject>(own)->owner == type_value(T_type);
    if (own && !is_type_new) {
      std::vector<Value> all(args, args + nargs);
      all[0] = meta;
      return call(t, own, all.data(), nargs, kwnames);
    }
  }
  return type_new(t, meta, args[1], bases, args[3], kwargs);
}

INTERP_NATIVE(type_init) {
  return none();
}

INTERP_NATIVE(type_mro) {
  Value mro = c3_mro(t, args[0]);
  return mro ? list_of(t, mro) : Value();
}

INTERP_NATIVE(type_prepare) {
  return dict_new(t);
}

INTERP_NATIVE(type_instancecheck) {
  return py_bool(is_subtype(type_of(args[1]), args[0]));
}
INTERP_NATIVE(type_subclasscheck) {
  if (!args[1].is_object() || !is_layout(args[1], Layout::Type))
    return raise(t, exc(E_TypeError), "issubclass() arg 1 must be a class");
  return py_bool(is_subtype(args[1], args[0]));
}

// The live direct subclasses, oldest first. Builtin types keep no list (see TypeObject).
INTERP_NATIVE(type_subclasses) {
  Value out = list_new(t);
  if (!out) return {};
  Value refs = rd<TypeObject>(args[0])->subclasses;
  for (std::int64_t k = 0; refs && k < list_length(refs); ++k)
    if (Value cls = rd<WeakRefObject>(list_item(refs, k))->target)
      if (!list_append(t, out, cls)) return {};
  return out;
}

// type's attributes that are fields of TypeObject.
INTERP_NATIVE(type_getattribute) {
  Value type = args[0], attr = args[1];
  if (!str_check(attr))
    return raisef(t, exc(E_TypeError), "attribute name must be string, not '%s'",
                  type_name_of(attr).c_str());
  const TypeObject* o = rd<TypeObject>(type);
  if (str_check(attr)) {
    if (str_equal_ascii(attr, "__name__")) return o->name;
    if (str_equal_ascii(attr, "__qualname__")) return o->qualname;
    if (str_equal_ascii(attr, "__mro__")) return o->mro ? o->mro : none();
    if (str_equal_ascii(attr, "__bases__")) return o->bases;
    if (str_equal_ascii(attr, "__base__")) return o->base ? o->base : none();
    if (str_equal_ascii(attr, "__flags__")) {
      // CPython's bits for what copyreg, inspect and collections.abc read: heap type, base
      // type, abstract, sequence and mapping (as `match` sees them).
      // CPython's bits for what copyreg, inspect and collections.abc read: heap type, base
      // type, abstract, sequence and mapping (as `match` sees them), and the instances'
      // memory: tracked for cycles (HAVE_GC), a managed dict.
      TypeSizes sizes = type_sizes(type);
      std::int64_t flags =
          ((o->flags & kHeapType) ? 1 << 9 : 0) | ((o->flags & kBaseType) ? 1 << 10 : 0) |
          ((o->flags & kIsAbstract) ? 1 << 20 : 0) | ((o->flags & kSequence) ? 1 << 5 : 0) |
          ((o->flags & kMapping) ? 1 << 6 : 0) | (sizes.gc ? 1 << 14 : 0) |
          (sizes.managed_dict ? 1 << 4 : 0);
      return Value::small_int(flags);
    }
    if (str_equal_ascii(attr, "__basicsize__")) return Value::small_int(type_sizes(type).basicsize);
    if (str_equal_ascii(attr, "__itemsize__")) return Value::small_int(type_sizes(type).itemsize);
    if (str_equal_ascii(attr, "__dictoffset__"))
      return Value::small_int(type_sizes(type).dictoffset);
    if (str_equal_ascii(attr, "__weakrefoffset__"))
      return Value::small_int(type_sizes(type).weaklistoffset);
    if (str_equal_ascii(attr, "__dict__")) return mappingproxy_new(t, o->dict);
    if (str_equal_ascii(attr, "__annotations__") && !(o->flags & kHeapType))
      return raisef(t, exc(E_AttributeError), "type object '%s' has no attribute '__annotations__'",
                    str_utf8(o->name).c_str());
    if (str_equal_ascii(attr, "__annotations__")) {
      // A class's own annotations, never a base's: made empty on first use.
      Value own = dict_get_str(o->dict, attr);
      if (own) return descriptor_get(t, own, {}, type);
      Value fresh_dict = dict_new(t);
      if (!fresh_dict || !dict_set(t, rd<TypeObject>(type)->dict, attr, fresh_dict)) return {};
      type_modified(type);
      return fresh_dict;
    }
    if (str_equal_ascii(attr, "__module__")) {
      // A builtin type may hold the descriptor that serves its instances' __module__.
      Value m = dict_get_str(o->dict, attr);
      bool descriptor = m && m.is_object() &&
                        (type_of(m) == type_value(T_getset_descriptor) || is_member_descriptor(m));
      if (m && !descriptor) return m;
      return o->module ? o->module : intern_literal(t, "builtins");
    }
    if (str_equal_ascii(attr, "__text_signature__") && !type_lookup(type, attr)) {
      // What inspect.signature() reads for a builtin type (a class has none); CPython's
      // types with a signature line in their documentation.
      static const std::pair<TypeId, const char*> kSignatures[] = {
          {T_object, "()"},
          {T_list, "(iterable=(), /)"},
          {T_tuple, "(iterable=(), /)"},
          {T_float, "(x=0, /)"},
          {T_complex, "(real=0, imag=0)"},
          {T_property, "(fget=None, fset=None, fdel=None, doc=None)"},
          {T_memoryview, "(object)"},
          {T_enumerate, "(iterable, start=0)"},
          {T_reversed, "(sequence, /)"},
      };
      for (const auto& [id, signature] : kSignatures)
        if (type == type_value(id)) return str_from_ascii(t, signature);
      return none();
    }
    if (str_equal_ascii(attr, "__doc__")) {
      Value d = dict_get_str(o->dict, attr);
      // A builtin type's own docstring, not the descriptor that serves its instances'.
      if (d && !(o->flags & kHeapType) && type_of(d) == type_value(T_getset_descriptor))
        return none();
      if (d) return descriptor_get(t, d, {}, type);
      return none();
    }
  }
  // The generic path for classes: metaclass data descriptors, the class's MRO, the
  // metaclass's attributes.
  Value meta = type_of(type);
  Value meta_attr = type_lookup(meta, attr);
  if (meta_attr && meta_attr.is_object() && is_layout(meta_attr, Layout::Property))
    return descriptor_get(t, meta_attr, type, meta);
  if (Value found = type_lookup(type, attr)) return descriptor_get(t, found, {}, type);
  if (meta_attr) return descriptor_get(t, meta_attr, type, meta);
  return raisef(t, exc(E_AttributeError), "type object '%s' has no attribute '%s'",
                type_name(type).c_str(), str_utf8(attr).c_str());
}

INTERP_NATIVE(type_setattr) {
  Value type = args[0], attr = args[1], value = nargs > 2 ? args[2] : Value();
  if (!str_check(attr))
    return raisef(t, exc(E_TypeError), "attribute name must be string, not '%s'",
                  type_name_of(attr).c_str());
  if (!(rd<TypeObject>(type)->flags & kHeapType))
    return raisef(t, exc(E_TypeError), "cannot set '%s' attribute of immutable type '%s'",
                  str_utf8(attr).c_str(), type_name(type).c_str());
  // type's own getsets refuse deletion (CPython's check_set_special_type_attr).
  if (!value) {
    for (const char* special : {"__name__", "__qualname__", "__module__", "__doc__"})
      if (str_equal_ascii(attr, special))
        return raisef(t, exc(E_TypeError), "cannot delete '%s' attribute of immutable type '%s'",
                      special, type_name(type).c_str());
  }
  if (str_equal_ascii(attr, "__name__") && value) {
    if (!str_check(value))
      return raisef(t, exc(E_TypeError), "can only assign string to %s.__name__, not '%s'",
                    type_name(type).c_str(), type_name_of(value).c_str());
    std::string text;
    if (!str_utf8_strict(t, value, text)) return {};
    if (text.find('\0') != std::string::npos)
      return raise(t, exc(E_ValueError), "type name must not contain null characters");
    wr<TypeObject>(type)->name = value;
    return none();
  }
  if (str_equal_ascii(attr, "__qualname__") && value) {
    if (!str_check(value))
      return raisef(t, exc(E_TypeError), "can only assign string to %s.__qualname__, not '%s'",
                    type_name(type).c_str(), type_name_of(value).c_str());
    wr<TypeObject>(type)->qualname = value;
    return none();
  }
  if (str_equal_ascii(attr, "__bases__")) return set_bases(t, type, value);
  // type's own fields that are not the class's to replace.
  if (str_equal_ascii(attr, "__dict__"))
    return raise(t, exc(E_AttributeError),
                 "attribute '__dict__' of 'type' objects is not writable");
  for (const char* field : {"__mro__", "__base__", "__flags__", "__basicsize__", "__itemsize__",
                            "__dictoffset__", "__weakrefoffset__"})
    if (str_equal_ascii(attr, field)) return raise(t, exc(E_AttributeError), "readonly attribute");
  Value dict = rd<TypeObject>(type)->dict;
  if (!value) {
    int r = dict_del(t, dict, attr);
    if (r < 0) return {};
    if (r == 0)
      return raisef(t, exc(E_AttributeError), "type object '%s' has no attribute '%s'",
                    type_name(type).c_str(), str_utf8(attr).c_str());
  } else if (!dict_set(t, dict, attr, value)) {
    return {};
  }
  type_modified(type);
  update_type_flags(type);
  return none();
}

} // namespace

Value object_state(Thread& t, Value obj) {
  Value getstate = getattr(t, obj, intern_literal(t, "__getstate__"));
  return getstate ? call0(t, getstate) : Value();
}

void init_object_type(Thread& t) {
  Value o = type_value(T_object);
  add_staticmethod(t, o, "__new__", object_new);
  add_method(t, o, "__init__", object_init);
  add_method(t, o, "__repr__", object_repr);
  add_method(t, o, "__str__", object_str);
  add_method(t, o, "__eq__", object_eq);
  add_method(t, o, "__ne__", object_ne);
  add_method(t, o, "__lt__", object_not_implemented);
  add_method(t, o, "__le__", object_not_implemented);
  add_method(t, o, "__gt__", object_not_implemented);
  add_method(t, o, "__ge__", object_not_implemented);
  add_method(t, o, "__hash__", object_hash);
  add_method(t, o, "__getattribute__", object_getattribute);
  add_method(t, o, "__setattr__", object_setattr);
  add_method(t, o, "__delattr__", object_delattr);
  add_method(t, o, "__format__", object_format, MethodArgs::one);
  add_classmethod(t, o, "__init_subclass__", object_init_subclass);
  add_method(t, o, "__dir__", object_dir, MethodArgs::none);
  add_method(t, o, "__reduce_ex__", object_reduce_ex, MethodArgs::one);
  add_method(t, o, "__reduce__", object_reduce, MethodArgs::none);
  add_method(t, o, "__getstate__", object_getstate, MethodArgs::none);
  add_method(t, o, "__sizeof__", object_sizeof, MethodArgs::none);
  add_getter(t, o, "__class__", object_class, object_set_class);
  add_classmethod(t, o, "__subclasshook__", object_subclasshook);
  add_attribute(t, o, "__doc__", str_from_ascii(t, "The base class of the class hierarchy."));
  // Instances of these types carry a docstring of their own, served by the type's
  // __getattribute__. A lookup that bypasses it (object.__getattribute__, which pydoc
  // uses) must find this descriptor before object's docstring, as CPython's type slots.
  for (TypeId id : {T_type, T_function, T_builtin_function, T_method_descriptor,
                    T_wrapper_descriptor, T_method_wrapper, T_method, T_property})
    add_getter(t, type_value(id), "__doc__", instance_doc, id == T_type ? type_doc_set : nullptr);

  Value ty = type_value(T_type);
  add_method(t, ty, "__repr__", type_repr);
  add_method(t, ty, "__call__", type_call);
  add_staticmethod(t, ty, "__new__", type_new_method);
  add_method(t, ty, "__init__", type_init);
  add_method(t, ty, "mro", type_mro);
  add_method(t, ty, "__sizeof__", type_sizeof, MethodArgs::none);
  add_classmethod(t, ty, "__prepare__", type_prepare);
  add_method(t, ty, "__instancecheck__", type_instancecheck);
  add_method(t, ty, "__subclasscheck__", type_subclasscheck);
  add_method(t, ty, "__subclasses__", type_subclasses);
  add_method(t, ty, "__getattribute__", type_getattribute);
  add_method(t, ty, "__setattr__", type_setattr);
  add_method(t, ty, "__delattr__", type_setattr);
  add_named_getters(t, ty, {"__name__", "__qualname__", "__module__"}, type_getattribute,
                    type_setattr);
  add_named_getters(t, ty, {"__bases__", "__dict__"}, type_getattribute);
  add_named_members(t, ty,
                    {"__mro__", "__base__", "__flags__", "__text_signature__", "__basicsize__",
                     "__itemsize__", "__dictoffset__", "__weakrefoffset__"},
                    type_getattribute);
}

} // namespace interp
