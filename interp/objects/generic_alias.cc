// interp/objects/generic_alias.cc - types.GenericAlias (`list[int]`, what the builtin
// containers' __class_getitem__ returns) and types.UnionType (`int | str`, what type.__or__
// returns): the runtime objects of PEP 585 and PEP 604 annotations.
//
// Both are immutable IteratorObjects: seq is the origin class (GenericAlias only), extra the
// tuple of arguments, extra2 the tuple of type parameters once computed (0 before), kind 1
// for a starred alias (`*tuple[int, str]`, what iterating an alias gives: PEP 646).
#include "interp/objects/args.h"
#include "interp/objects/objects.h"
#include "interp/ops.h"

namespace interp {

namespace {

bool is_alias(Value v) {
  return v.is_object() && is_subtype(type_of(v), type_value(T_GenericAlias));
}
bool is_union(Value v) {
  return v.is_object() && type_of(v) == type_value(T_UnionType);
}
bool is_type(Value v) {
  return v.is_object() && is_layout(v, Layout::Type);
}

Value alias_args(Value v) {
  return ro<IteratorObject>(v)->extra;
}

Value make_alias(Thread& t, Value cls, Value origin, Value args, bool starred = false) {
  if (!(args.is_object() && isinstance(args, T_tuple))) {
    args = tuple_from(t, &args, 1);
    if (!args) return {};
  }
  Value v = allocate(t, Layout::Iterator, cls, sizeof(IteratorObject));
  if (!v) return {};
  IteratorObject* o = fresh<IteratorObject>(v);
  o->seq = origin;
  o->extra = args;
  o->kind = starred;
  return v;
}

bool is_starred(Value alias) {
  return ro<IteratorObject>(alias)->kind != 0;
}

// How an argument is written inside `origin[...]` or `a | b`: classes by their qualified
// name without "builtins.", aliases and everything else by repr.
bool repr_item(Thread& t, Value item, std::string& out) {
  if (item == runtime().ellipsis) {
    out += "...";
    return true;
  }
  // Aliases of any kind (typing's too: they have __origin__ and __args__) by repr.
  bool alias = is_alias(item);
  if (!alias) {
    Value origin = getattr_opt(t, item, intern_literal(t, "__origin__"));
    if (t.pending) return false;
    if (origin) {
      alias = bool(getattr_opt(t, item, intern_literal(t, "__args__")));
      if (t.pending) return false;
    }
  }
  if (!alias) {
    Value qualname = getattr_opt(t, item, name(N___qualname__));
    if (!qualname && t.pending) return false;
    Value module = qualname ? getattr_opt(t, item, name(N___module__)) : Value();
    if (!module && t.pending) return false;
    if (qualname && module && module != none() && str_check(qualname)) {
      if (!(str_check(module) && str_equal_ascii(module, "builtins"))) {
        Value m = str(t, module);
        if (!m) return false;
        out += str_utf8(m) + ".";
      }
      out += str_utf8(qualname);
      return true;
    }
  }
  Value r = repr(t, item);
  if (!r) return false;
  out += str_utf8(r);
  return true;
}

// The type variables among `args`, in order of first appearance (PEP 484 substitution).
Value collect_parameters(Thread& t, Value args) {
  Value params = list_new(t);
  if (!params) return {};
  auto add = [&](Value p) -> bool {
    for (std::int64_t i = 0; i < list_length(params); ++i)
      if (list_item(params, i) == p) return true;
    return list_append(t, params, p);
  };
  Value subst = intern_literal(t, "__typing_subst__");
  Value parameters = intern_literal(t, "__parameters__");
  for (std::int64_t i = 0; i < tuple_length(args); ++i) {
    Value a = tuple_item(args, i);
    if (is_type(a)) continue;
    Value s = getattr_opt(t, a, subst);
    if (t.pending) return {};
    if (s) {
      if (!add(a)) return {};
      continue;
    }
    Value sub = getattr_opt(t, a, parameters);
    if (t.pending) return {};
    if (sub && sub.is_object() && isinstance(sub, T_tuple))
      for (std::int64_t k = 0; k < tuple_length(sub); ++k)
        if (!add(tuple_item(sub, k))) return {};
  }
  return list_to_tuple(t, params);
}

Value parameters_of(Thread& t, Value self) {
  Value cached = rd<IteratorObject>(self)->extra2;
  if (cached) return cached;
  Value params = collect_parameters(t, alias_args(self));
  if (params) wr<IteratorObject>(self)->extra2 = params;
  return params;
}

// The arguments of an unpacked tuple (`*tuple[int, str]`, or typing's `*Tuple[int, str]`),
// or 0 when `arg` is not one.
Value unpacked_tuple_args(Thread& t, Value arg) {
  if (is_alias(arg) && is_starred(arg) && ro<IteratorObject>(arg)->seq == type_value(T_tuple))
    return alias_args(arg);
  Value args = getattr_opt(t, arg, intern_literal(t, "__typing_unpacked_tuple_args__"));
  return args == none() ? Value() : args;
}

// The items of a subscript as a tuple, unpacked tuples of fixed length spread out:
// `[int, *tuple[str, bytes]]` is (int, str, bytes); `*tuple[str, ...]` stays one item.
Value spread_items(Thread& t, Value items) {
  bool is_tuple = items.is_object() && isinstance(items, T_tuple);
  std::int64_t n = is_tuple ? tuple_length(items) : 1;
  Value out = list_new(t);
  if (!out) return {};
  for (std::int64_t i = 0; i < n; ++i) {
    Value item = is_tuple ? tuple_item(items, i) : items;
    if (!is_type(item)) {
      Value sub = unpacked_tuple_args(t, item);
      if (t.pending) return {};
      if (sub && sub.is_object() && isinstance(sub, T_tuple)) {
        std::int64_t k = tuple_length(sub);
        if (!(k && tuple_item(sub, k - 1) == runtime().ellipsis)) {
          for (std::int64_t j = 0; j < k; ++j)
            if (!list_append(t, out, tuple_item(sub, j))) return {};
          continue;
        }
      }
    }
    if (!list_append(t, out, item)) return {};
  }
  return list_to_tuple(t, out);
}

std::int64_t index_of(Value tuple, Value item) {
  for (std::int64_t i = 0; i < tuple_length(tuple); ++i)
    if (tuple_item(tuple, i) == item) return i;
  return -1;
}

// An argument that is not itself a parameter but has some (`list[T]`), subscripted with
// the items that replace them; a TypeVarTuple's items are spread.
Value substitute_inside(Thread& t, Value arg, Value params, Value items) {
  Value sub = getattr_opt(t, arg, intern_literal(t, "__parameters__"));
  if (t.pending) return {};
  if (!(sub && sub.is_object() && isinstance(sub, T_tuple) && tuple_length(sub))) return arg;
  Value subargs = list_new(t);
  if (!subargs) return {};
  Value iter = name(N___iter__);
  for (std::int64_t j = 0; j < tuple_length(sub); ++j) {
    Value p = tuple_item(sub, j);
    std::int64_t k = index_of(params, p);
    if (k >= 0) {
      Value item = tuple_item(items, k);
      if (type_lookup(type_of(p), iter) && item.is_object() && isinstance(item, T_tuple)) {
        for (std::int64_t m = 0; m < tuple_length(item); ++m)
          if (!list_append(t, subargs, tuple_item(item, m))) return {};
        continue;
      }
      p = item;
    }
    if (!list_append(t, subargs, p)) return {};
  }
  Value key = list_to_tuple(t, subargs);
  return key ? getitem(t, arg, key) : Value();
}

// alias[items] (PEP 484 and PEP 646): each parameter replaced through its
// __typing_subst__, after every parameter's __typing_prepare_subst__ had its say about the
// items (a TypeVarTuple takes a run of them); unpacked TypeVarTuples spread their result.
Value substitute(Thread& t, Value self, Value items) {
  Value params = parameters_of(t, self);
  if (!params) return {};
  std::int64_t np = tuple_length(params);
  if (np == 0)
    return raisef(t, exc(E_TypeError), "%s is not a generic class", repr_utf8(t, self).c_str());
  items = spread_items(t, items);
  if (!items) return {};
  Value prepare_name = intern_literal(t, "__typing_prepare_subst__");
  for (std::int64_t i = 0; i < np; ++i) {
    Value prepare = getattr_opt(t, tuple_item(params, i), prepare_name);
    if (t.pending) return {};
    if (!prepare || prepare == none()) continue;
    if (!(items.is_object() && isinstance(items, T_tuple))) {
      items = tuple_from(t, &items, 1);
      if (!items) return {};
    }
    Value call_args[2] = {self, items};
    items = call(t, prepare, call_args, 2);
    if (!items) return {};
  }
  if (!(items.is_object() && isinstance(items, T_tuple))) {
    items = tuple_from(t, &items, 1);
    if (!items) return {};
  }
  std::int64_t ni = tuple_length(items);
  if (np != ni)
    return raisef(t, exc(E_TypeError), "Too %s arguments for %s; actual %lld, expected %lld",
                  ni > np ? "many" : "few", repr_utf8(t, self).c_str(), (long long)ni,
                  (long long)np);
  Value args = alias_args(self);
  Value out = list_new(t);
  if (!out) return {};
  Value subst_name = intern_literal(t, "__typing_subst__");
  Value unpacked_name = intern_literal(t, "__typing_is_unpacked_typevartuple__");
  for (std::int64_t i = 0; i < tuple_length(args); ++i) {
    Value a = tuple_item(args, i);
    if (is_type(a)) {
      if (!list_append(t, out, a)) return {};
      continue;
    }
    int unpack = 0;
    if (Value flag = getattr_opt(t, a, unpacked_name)) {
      unpack = truthy(t, flag);
      if (unpack < 0) return {};
    } else if (t.pending) {
      return {};
    }
    Value subst = getattr_opt(t, a, subst_name);
    if (t.pending) return {};
    Value replacement;
    std::int64_t k = subst ? index_of(params, a) : -1;
    if (k >= 0) {
      Value item = tuple_item(items, k);
      replacement = call(t, subst, &item, 1);
    } else {
      replacement = substitute_inside(t, a, params, items);
    }
    if (!replacement) return {};
    if (unpack && replacement.is_object() && isinstance(replacement, T_tuple)) {
      for (std::int64_t k = 0; k < tuple_length(replacement); ++k)
        if (!list_append(t, out, tuple_item(replacement, k))) return {};
    } else if (!list_append(t, out, replacement)) {
      return {};
    }
  }
  Value new_args = list_to_tuple(t, out);
  if (!new_args) return {};
  if (is_union(self)) {
    if (tuple_length(new_args) == 0) return make_alias(t, type_of(self), Value(), new_args);
    Value acc = tuple_item(new_args, 0);
    for (std::int64_t i = 1; i < tuple_length(new_args); ++i) {
      acc = binary_op(t, acc, tuple_item(new_args, i), bytecode::BinaryOp::Or);
      if (!acc) return {};
    }
    return acc;
  }
  return make_alias(t, type_of(self), ro<IteratorObject>(self)->seq, new_args, is_starred(self));
}

// ---- GenericAlias --------------------------------------------------------------------------

INTERP_NATIVE(alias_new) {
  if (keyword_count(kwnames) && args[0] == type_value(T_GenericAlias))
    return raise(t, exc(E_TypeError), "GenericAlias() takes no keyword arguments");
  std::size_t npos = nargs - 1 - keyword_count(kwnames);
  if (npos != 2)
    return raisef(t, exc(E_TypeError), "GenericAlias expected 2 arguments, got %zu", npos);
  return make_alias(t, args[0], args[1], args[2]);
}

INTERP_NATIVE(alias_repr) {
  Value self = args[0];
  std::string out = is_starred(self) ? "*" : "";
  if (!repr_item(t, ro<IteratorObject>(self)->seq, out)) return {};
  out += "[";
  Value a = alias_args(self);
  std::int64_t n = tuple_length(a);
  if (n == 0) out += "()";
  for (std::int64_t i = 0; i < n; ++i) {
    if (i) out += ", ";
    Value item = tuple_item(a, i);
    if (item.is_object() && is_exact(item, T_list)) {
      // Callable[[int], str] keeps its argument list.
      out += "[";
      for (std::int64_t k = 0; k < list_length(item); ++k) {
        if (k) out += ", ";
        if (!repr_item(t, list_item(item, k), out)) return {};
      }
      out += "]";
    } else if (!repr_item(t, item, out)) {
      return {};
    }
  }
  out += "]";
  return str_from_utf8(t, out);
}

// Everything but the alias's own attributes comes from the origin class.
INTERP_NATIVE(alias_getattribute) {
  static const char* const kOwn[] = {
      "__class__",       "__origin__",     "__args__",
      "__unpacked__",    "__parameters__", "__typing_unpacked_tuple_args__",
      "__mro_entries__", "__reduce_ex__",  "__reduce__",
      "__copy__",        "__deepcopy__",   nullptr};
  if (!check_positional(t, "__getattribute__", nargs, kwnames, 1, 1)) return {};
  Value attr = args[1];
  if (!str_check(attr))
    return raisef(t, exc(E_TypeError), "attribute name must be string, not '%s'",
                  type_name_of(attr).c_str());
  for (const char* const* k = kOwn; *k; ++k)
    if (str_equal_ascii(attr, *k)) return generic_getattr(t, args[0], attr, false);
  return getattr(t, ro<IteratorObject>(args[0])->seq, attr);
}

INTERP_NATIVE(alias_origin) {
  return ro<IteratorObject>(args[0])->seq;
}
INTERP_NATIVE(alias_args_getter) {
  return alias_args(args[0]);
}
INTERP_NATIVE(alias_parameters) {
  return parameters_of(t, args[0]);
}
INTERP_NATIVE(alias_unpacked) {
  return py_bool(is_starred(args[0]));
}
INTERP_NATIVE(alias_unpacked_tuple_args) {
  Value self = args[0];
  return is_starred(self) && ro<IteratorObject>(self)->seq == type_value(T_tuple) ? alias_args(self)
                                                                                  : none();
}
// iter(tuple[int, str]) gives one item, *tuple[int, str]: what `*` in a subscript spreads.
INTERP_NATIVE(alias_iter) {
  Value self = args[0];
  Value starred =
      make_alias(t, type_of(self), ro<IteratorObject>(self)->seq, alias_args(self), true);
  if (!starred) return {};
  Value items = tuple_from(t, &starred, 1);
  return items ? iter(t, items) : Value();
}

INTERP_NATIVE(alias_call) {
  Value origin = ro<IteratorObject>(args[0])->seq;
  Value r = call(t, origin, args + 1, nargs - 1, kwnames);
  if (!r) return {};
  // The instance remembers the alias that made it, where it can.
  if (!setattr(t, r, intern_literal(t, "__orig_class__"), args[0])) {
    if (!matches(t, exc(E_AttributeError)) && !matches(t, exc(E_TypeError))) return {};
    clear_pending(t);
  }
  return r;
}

INTERP_NATIVE(alias_getitem) {
  return substitute(t, args[0], args[1]);
}

INTERP_NATIVE(alias_mro_entries) {
  if (!check_positional(t, "__mro_entries__", nargs, kwnames, 1, 1)) return {};
  Value origin = ro<IteratorObject>(args[0])->seq;
  return tuple_from(t, &origin, 1);
}

INTERP_NATIVE(alias_instancecheck) {
  return raise(t, exc(E_TypeError), "isinstance() argument 2 cannot be a parameterized generic");
}
INTERP_NATIVE(alias_subclasscheck) {
  return raise(t, exc(E_TypeError), "issubclass() argument 2 cannot be a parameterized generic");
}

INTERP_NATIVE(alias_eq) {
  if (!is_alias(args[1])) return runtime().not_implemented;
  if (is_starred(args[0]) != is_starred(args[1])) return runtime().false_;
  int e = equal(t, ro<IteratorObject>(args[0])->seq, ro<IteratorObject>(args[1])->seq);
  if (e < 0) return {};
  if (e) e = equal(t, alias_args(args[0]), alias_args(args[1]));
  if (e < 0) return {};
  return py_bool(e);
}
INTERP_NATIVE(alias_ne) {
  Value r = alias_eq(t, args, nargs, kwnames);
  if (!r || r == runtime().not_implemented) return r;
  return py_bool(r == runtime().false_);
}

INTERP_NATIVE(alias_hash) {
  std::int64_t a, b;
  if (!hash(t, ro<IteratorObject>(args[0])->seq, a) || !hash(t, alias_args(args[0]), b)) return {};
  std::int64_t h = a ^ b;
  return int_from_i64(t, h == -1 ? -2 : h);
}

Value builtin_function(Thread& t, const char* fname) {
  Value f = dict_get_cstr(t, runtime().builtins, fname);
  if (!f && !t.pending) raisef(t, exc(E_NameError), "name '%s' is not defined", fname);
  return f;
}

INTERP_NATIVE(alias_reduce) {
  if (is_starred(args[0])) {
    // next(iter(alias)) makes it again.
    Value plain =
        make_alias(t, type_of(args[0]), ro<IteratorObject>(args[0])->seq, alias_args(args[0]));
    Value it = plain ? iter(t, plain) : Value();
    Value next = it ? builtin_function(t, "next") : Value();
    Value call_args = next ? tuple_from(t, &it, 1) : Value();
    if (!call_args) return {};
    Value pair[2] = {next, call_args};
    return tuple_from(t, pair, 2);
  }
  Value inner[2] = {ro<IteratorObject>(args[0])->seq, alias_args(args[0])};
  Value state = tuple_from(t, inner, 2);
  if (!state) return {};
  Value outer[2] = {type_of(args[0]), state};
  return tuple_from(t, outer, 2);
}

// ---- UnionType -----------------------------------------------------------------------------

bool unionable(Value v) {
  return v == none() || is_type(v) || is_alias(v) || is_union(v);
}

// a | b with nested unions flattened, None as NoneType, duplicates dropped; one class left
// is that class itself.
Value make_union(Thread& t, Value a, Value b) {
  Value items = list_new(t);
  if (!items) return {};
  auto add = [&](Value x) -> bool {
    if (x == none()) x = type_value(T_NoneType);
    for (std::int64_t i = 0; i < list_length(items); ++i) {
      Value y = list_item(items, i);
      if (y == x) return true;
      if (is_alias(x) && is_alias(y)) {
        int e = equal(t, x, y);
        if (e < 0) return false;
        if (e) return true;
      }
    }
    return list_append(t, items, x);
  };
  for (Value side : {a, b}) {
    if (is_union(side)) {
      Value args = alias_args(side);
      for (std::int64_t i = 0; i < tuple_length(args); ++i)
        if (!add(tuple_item(args, i))) return {};
    } else if (!add(side)) {
      return {};
    }
  }
  if (list_length(items) == 1) return list_item(items, 0);
  Value args = list_to_tuple(t, items);
  if (!args) return {};
  return make_alias(t, type_value(T_UnionType), {}, args);
}

INTERP_NATIVE(union_or) {
  if (!unionable(args[0]) || !unionable(args[1])) return runtime().not_implemented;
  return make_union(t, args[0], args[1]);
}
INTERP_NATIVE(union_ror) {
  if (!unionable(args[0]) || !unionable(args[1])) return runtime().not_implemented;
  return make_union(t, args[1], args[0]);
}

INTERP_NATIVE(union_new) {
  return raise(t, exc(E_TypeError), "cannot create 'types.UnionType' instances");
}

INTERP_NATIVE(union_repr) {
  Value a = alias_args(args[0]);
  std::string out;
  for (std::int64_t i = 0; i < tuple_length(a); ++i) {
    if (i) out += " | ";
    if (tuple_item(a, i) == type_value(T_NoneType))
      out += "None";
    else if (!repr_item(t, tuple_item(a, i), out))
      return {};
  }
  return str_from_utf8(t, out);
}

INTERP_NATIVE(union_instancecheck) {
  if (!check_positional(t, "__instancecheck__", nargs, kwnames, 1, 1)) return {};
  Value check = builtin_function(t, "isinstance");
  if (!check) return {};
  Value a = alias_args(args[0]);
  for (std::int64_t i = 0; i < tuple_length(a); ++i) {
    Value cls = tuple_item(a, i);
    if (is_alias(cls))
      return raise(t, exc(E_TypeError),
                   "isinstance() argument 2 cannot be a parameterized generic");
    Value r = call2(t, check, args[1], cls);
    if (!r) return {};
    if (r == runtime().true_) return r;
  }
  return runtime().false_;
}

INTERP_NATIVE(union_subclasscheck) {
  if (!check_positional(t, "__subclasscheck__", nargs, kwnames, 1, 1)) return {};
  if (!is_type(args[1])) return raise(t, exc(E_TypeError), "issubclass() arg 1 must be a class");
  Value check = builtin_function(t, "issubclass");
  if (!check) return {};
  Value a = alias_args(args[0]);
  for (std::int64_t i = 0; i < tuple_length(a); ++i) {
    Value cls = tuple_item(a, i);
    if (is_alias(cls))
      return raise(t, exc(E_TypeError),
                   "issubclass() argument 2 cannot be a parameterized generic");
    Value r = call2(t, check, args[1], cls);
    if (!r) return {};
    if (r == runtime().true_) return r;
  }
  return runtime().false_;
}

// Unions are equal when they name the same set of classes, in any order.
INTERP_NATIVE(union_eq) {
  if (!is_union(args[1])) return runtime().not_implemented;
  Value a = alias_args(args[0]), b = alias_args(args[1]);
  for (int pass = 0; pass < 2; ++pass) {
    for (std::int64_t i = 0; i < tuple_length(a); ++i) {
      bool found = false;
      for (std::int64_t k = 0; k < tuple_length(b) && !found; ++k) {
        int e = equal(t, tuple_item(a, i), tuple_item(b, k));
        if (e < 0) return {};
        found = e;
      }
      if (!found) return runtime().false_;
    }
    std::swap(a, b);
  }
  return runtime().true_;
}
INTERP_NATIVE(union_ne) {
  Value r = union_eq(t, args, nargs, kwnames);
  if (!r || r == runtime().not_implemented) return r;
  return py_bool(r == runtime().false_);
}

INTERP_NATIVE(union_hash) {
  Value s = set_new(t, true);
  if (!s) return {};
  Value a = alias_args(args[0]);
  for (std::int64_t i = 0; i < tuple_length(a); ++i)
    if (!set_add(t, s, tuple_item(a, i))) return {};
  std::int64_t h;
  if (!hash(t, s, h)) return {};
  return int_from_i64(t, h);
}

INTERP_NATIVE(union_getitem) {
  return substitute(t, args[0], args[1]);
}

} // namespace

bool is_union_object(Value v) {
  return is_union(v);
}
Value union_members(Value v) {
  return alias_args(v);
}

Value generic_alias_new(Thread& t, Value origin, Value args) {
  return make_alias(t, type_value(T_GenericAlias), origin, args);
}

namespace {

INTERP_NATIVE(class_getitem) {
  if (!check_positional(t, "__class_getitem__", nargs, kwnames, 1, 1)) return {};
  return generic_alias_new(t, args[0], args[1]);
}

} // namespace

// Runs after the builtin types got their __module__ ("builtins"): these two live in `types`.
void init_generic_alias_types(Thread& t) {
  Value ga = type_value(T_GenericAlias);
  add_staticmethod(t, ga, "__new__", alias_new);
  add_method(t, ga, "__repr__", alias_repr);
  add_method(t, ga, "__getattribute__", alias_getattribute);
  add_method(t, ga, "__call__", alias_call);
  add_method(t, ga, "__getitem__", alias_getitem);
  add_method(t, ga, "__mro_entries__", alias_mro_entries);
  add_method(t, ga, "__instancecheck__", alias_instancecheck);
  add_method(t, ga, "__subclasscheck__", alias_subclasscheck);
  add_method(t, ga, "__eq__", alias_eq);
  add_method(t, ga, "__ne__", alias_ne);
  add_method(t, ga, "__hash__", alias_hash);
  add_method(t, ga, "__reduce__", alias_reduce);
  add_method(t, ga, "__or__", union_or);
  add_method(t, ga, "__ror__", union_ror);
  add_getter(t, ga, "__origin__", alias_origin);
  add_getter(t, ga, "__args__", alias_args_getter);
  add_getter(t, ga, "__parameters__", alias_parameters);
  add_getter(t, ga, "__unpacked__", alias_unpacked);
  add_getter(t, ga, "__typing_unpacked_tuple_args__", alias_unpacked_tuple_args);
  add_method(t, ga, "__iter__", alias_iter);
  Value u = type_value(T_UnionType);
  add_staticmethod(t, u, "__new__", union_new);
  add_method(t, u, "__repr__", union_repr);
  add_method(t, u, "__instancecheck__", union_instancecheck);
  add_method(t, u, "__subclasscheck__", union_subclasscheck);
  add_method(t, u, "__eq__", union_eq);
  add_method(t, u, "__ne__", union_ne);
  add_method(t, u, "__hash__", union_hash);
  add_method(t, u, "__getitem__", union_getitem);
  add_method(t, u, "__or__", union_or);
  add_method(t, u, "__ror__", union_ror);
  add_getter(t, u, "__args__", alias_args_getter);
  add_getter(t, u, "__parameters__", alias_parameters);
  Value types_name = intern_literal(t, "types");
  for (Value cls : {ga, u}) {
    wr<TypeObject>(cls)->module = types_name;
    add_attribute(t, cls, "__module__", types_name);
    update_type_flags(cls);
  }
  // type.__or__ makes unions of classes; the containers make aliases.
  Value type = type_value(T_type);
  add_method(t, type, "__or__", union_or);
  add_method(t, type, "__ror__", union_ror);
  update_type_flags(type);
  for (TypeId id : {T_list, T_tuple, T_dict, T_set, T_frozenset, T_mappingproxy}) {
    add_classmethod(t, type_value(id), "__class_getitem__", class_getitem);
    update_type_flags(type_value(id));
  }
}

} // namespace interp
