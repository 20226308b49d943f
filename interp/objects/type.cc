// interp/objects/type.cc - the type type: classes, their MRO, attribute lookup along it,
// the class statement's type(name, bases, ns), and calling a class to make an instance.
//
// Builtin types are made once at start-up and never change afterwards, so C++ reads them
// without barriers. Classes made by `class` statements (kHeapType) are ordinary mutable
// heap objects: reading their dict takes barriers like any dict.
#include "interp/objects/objects.h"
#include "interp/ops.h"

#include <vector>

namespace interp {

Value type_of(Value v) {
  if (v.is_small_int()) return type_value(T_int);
  return ro<Object>(v)->cls;
}

bool is_subtype(Value sub, Value base) {
  if (sub == base) return true;
  Value mro = rd<TypeObject>(sub)->mro;
  if (!mro) return false;
  std::int64_t n = tuple_length(mro);
  for (std::int64_t i = 0; i < n; ++i)
    if (tuple_item(mro, i) == base) return true;
  return false;
}

bool isinstance(Value v, TypeId base) {
  return is_subtype(type_of(v), type_value(base));
}

Value type_lookup(Value type, Value attr) {
  Value mro = rd<TypeObject>(type)->mro;
  if (!mro) {
    Value dict = rd<TypeObject>(type)->dict;
    return dict ? dict_get_str(dict, attr) : Value();
  }
  std::int64_t n = tuple_length(mro);
  for (std::int64_t i = 0; i < n; ++i) {
    Value dict = rd<TypeObject>(tuple_item(mro, i))->dict;
    if (!dict) continue;
    if (Value found = dict_get_str(dict, attr)) return found;
  }
  return {};
}

std::string type_name(Value type) {
  return str_utf8(rd<TypeObject>(type)->name);
}
std::string type_name_of(Value v) {
  return type_name(type_of(v));
}

Value make_builtin_type(Thread& t, TypeId id, const char* type_name_text, Layout layout, Value base,
                        std::uint64_t flags) {
  Runtime& rt = runtime();
  Value type = allocate(t, Layout::Type, rt.types[T_type], sizeof(TypeObject));
  if (!type) return {};
  rt.types[id] = type;
  TypeObject* o = fresh<TypeObject>(type);
  o->flags = flags | kNoInstanceDict;
  o->layout = static_cast<std::uint64_t>(layout);
  o->base = base;
  Value n = intern_literal(t, type_name_text);
  Value d = dict_new(t);
  Value bases = base ? tuple_from(t, &base, 1) : rt.empty_tuple;
  o = fresh<TypeObject>(type);
  o->name = n;
  o->qualname = n;
  o->dict = d;
  o->bases = bases;
  if (!compute_mro(t, type)) return {};
  return type;
}

// C3 linearization: the class, then a merge of its bases' MROs and the list of bases.
bool compute_mro(Thread& t, Value type) {
  Value bases = rd<TypeObject>(type)->bases;
  std::vector<std::vector<Value>> seqs;
  std::int64_t nb = bases ? tuple_length(bases) : 0;
  for (std::int64_t i = 0; i < nb; ++i) {
    Value b = tuple_item(bases, i);
    Value bmro = rd<TypeObject>(b)->mro;
    std::vector<Value> s;
    for (std::int64_t k = 0, n = tuple_length(bmro); k < n; ++k)
      s.push_back(tuple_item(bmro, k));
    seqs.push_back(std::move(s));
  }
  std::vector<Value> base_list;
  for (std::int64_t i = 0; i < nb; ++i)
    base_list.push_back(tuple_item(bases, i));
  seqs.push_back(base_list);
  std::vector<Value> result{type};
  for (;;) {
    bool empty = true;
    for (auto& s : seqs)
      if (!s.empty()) empty = false;
    if (empty) break;
    Value candidate;
    for (auto& s : seqs) {
      if (s.empty()) continue;
      Value head = s.front();
      bool in_tail = false;
      for (auto& other : seqs)
        for (std::size_t k = 1; k < other.size(); ++k)
          if (other[k] == head) in_tail = true;
      if (!in_tail) {
        candidate = head;
        break;
      }
    }
    if (!candidate) {
      std::string names;
      for (auto& s : seqs)
        if (!s.empty()) {
          if (!names.empty()) names += ", ";
          names += type_name(s.front());
        }
      raisef(t, exc(E_TypeError),
             "Cannot create a consistent method resolution\norder (MRO) for bases %s",
             names.c_str());
      return false;
    }
    result.push_back(candidate);
    for (auto& s : seqs)
      if (!s.empty() && s.front() == candidate) s.erase(s.begin());
  }
  // The values live in a C++ vector only while no allocation happens between here and
  // the tuple's creation, apart from tuple_from itself (which copies them first).
  Value mro = tuple_from(t, result.data(), result.size());
  if (!mro) return false;
  wr<TypeObject>(type)->mro = mro;
  return true;
}

void add_attribute(Thread& t, Value type, const char* attr, Value value) {
  Value key = intern_literal(t, attr);
  dict_set(t, rd<TypeObject>(type)->dict, key, value);
}

void add_method(Thread& t, Value type, const char* method, NativeFn fn, const char* doc) {
  std::int64_t index = register_native(method, fn, doc);
  Value m = native_new(t, index, {}, type, T_method_descriptor);
  add_attribute(t, type, method, m);
}

void add_getter(Thread& t, Value type, const char* attr, NativeFn fn) {
  std::int64_t index = register_native(attr, fn);
  Value getter = native_new(t, index, {}, type, T_builtin_function);
  Value p = allocate(t, Layout::Property, type_value(T_property), sizeof(PropertyObject));
  if (!p || !getter) return;
  PropertyObject* o = fresh<PropertyObject>(p);
  o->fget = getter;
  o->fset = none();
  o->fdel = none();
  o->doc = none();
  o->name = intern_literal(t, attr);
  add_attribute(t, type, attr, p);
}

static Value wrap(Thread& t, TypeId kind, Value inner) {
  Value w = allocate(t, Layout::Wrapper, type_value(kind), sizeof(WrapperObject));
  if (w) fresh<WrapperObject>(w)->wrapped = inner;
  return w;
}

void add_classmethod(Thread& t, Value type, const char* method, NativeFn fn) {
  std::int64_t index = register_native(method, fn);
  Value m = native_new(t, index, {}, type, T_builtin_function);
  add_attribute(t, type, method, wrap(t, T_classmethod, m));
}

void add_staticmethod(Thread& t, Value type, const char* method, NativeFn fn) {
  std::int64_t index = register_native(method, fn);
  Value m = native_new(t, index, {}, type, T_builtin_function);
  add_attribute(t, type, method, wrap(t, T_staticmethod, m));
}

// ---- class creation ---------------------------------------------------------------------------

// The base whose layout instances take: the most derived builtin layout among the bases.
static Value solid_base(Value type) {
  Value base = rd<TypeObject>(type)->base;
  while (base && (rd<TypeObject>(type)->flags & kHeapType)) {
    type = base;
    base = rd<TypeObject>(type)->base;
  }
  return type;
}

Value type_new(Thread& t, Value metatype, Value type_name_value, Value bases, Value ns,
               Value kwargs) {
  if (!str_check(type_name_value))
    return raisef(t, exc(E_TypeError), "type.__new__() argument 1 must be str, not %s",
                  type_name_of(type_name_value).c_str());
  if (!bases || tuple_length(bases) == 0) {
    Value object_type = type_value(T_object);
    bases = tuple_from(t, &object_type, 1);
    if (!bases) return {};
  }
  std::int64_t nb = tuple_length(bases);
  Value best_base;
  for (std::int64_t i = 0; i < nb; ++i) {
    Value b = tuple_item(bases, i);
    if (!b.is_object() || !is_layout(b, Layout::Type))
      return raise(t, exc(E_TypeError), "bases must be types");
    if (!(rd<TypeObject>(b)->flags & kBaseType))
      return raisef(t, exc(E_TypeError), "type '%s' is not an acceptable base type",
                    type_name(b).c_str());
    Value solid = solid_base(b);
    if (!best_base) {
      best_base = b;
    } else {
      Value best_solid = solid_base(best_base);
      if (is_subtype(solid, best_solid))
        best_base = b;
      else if (!is_subtype(best_solid, solid))
        return raise(t, exc(E_TypeError), "multiple bases have instance lay-out conflict");
    }
  }
  Value type = allocate(t, Layout::Type, metatype, sizeof(TypeObject));
  if (!type) return {};
  Value dict = dict_copy(t, ns);
  if (!dict) return {};
  TypeObject* o = fresh<TypeObject>(type);
  o->flags = kHeapType | kBaseType;
  o->layout = rd<TypeObject>(solid_base(best_base))->layout;
  o->base = best_base;
  o->name = type_name_value;
  o->qualname = type_name_value;
  o->bases = bases;
  o->dict = dict;
  if (Value qn = dict_get_str(dict, name(N___qualname__))) {
    if (!str_check(qn))
      return raisef(t, exc(E_TypeError), "type __qualname__ must be a str, not %s",
                    type_name_of(qn).c_str());
    fresh<TypeObject>(type)->qualname = qn;
    if (dict_del(t, dict, name(N___qualname__)) < 0) return {};
  }
  Value module = dict_get_str(dict, name(N___module__));
  fresh<TypeObject>(type)->module = module;
  if (!compute_mro(t, type)) return {};
  update_type_flags(type);
  // __new__ given as a plain function is a static method; __init_subclass__ and
  // __class_getitem__ are implicit class methods.
  for (NameId implicit : {N___init_subclass__, N___class_getitem__}) {
    Value f = dict_get_str(dict, name(implicit));
    if (f && is_layout(f, Layout::Function)) {
      Value w = allocate(t, Layout::Wrapper, type_value(T_classmethod), sizeof(WrapperObject));
      if (!w) return {};
      fresh<WrapperObject>(w)->wrapped = f;
      if (!dict_set(t, dict, name(implicit), w)) return {};
    }
  }
  {
    Value f = dict_get_str(dict, name(N___new__));
    if (f && is_layout(f, Layout::Function)) {
      Value w = allocate(t, Layout::Wrapper, type_value(T_staticmethod), sizeof(WrapperObject));
      if (!w) return {};
      fresh<WrapperObject>(w)->wrapped = f;
      if (!dict_set(t, dict, name(N___new__), w)) return {};
    }
  }
  if (Value cell = dict_get_str(dict, name(N___classcell__))) {
    if (is_layout(cell, Layout::Cell)) wr<CellObject>(cell)->ref = type;
    if (dict_del(t, dict, name(N___classcell__)) < 0) return {};
  }
  // __set_name__ on every attribute that has it, then the parent's __init_subclass__.
  std::int64_t pos = 0;
  Value k, v;
  std::vector<std::pair<Value, Value>> named;
  while (dict_next(dict, pos, k, v))
    named.emplace_back(k, v);
  for (auto& [key, value] : named) {
    Value set_name = lookup_special(t, value, N___set_name__);
    if (!set_name) {
      if (t.pending) return {};
      continue;
    }
    Value r = call2(t, set_name, type, key);
    if (!r) return {};
  }
  // super(type, type).__init_subclass__(**kwargs)
  Value mro = rd<TypeObject>(type)->mro;
  for (std::int64_t i = 1; i < tuple_length(mro); ++i) {
    Value parent = tuple_item(mro, i);
    Value init_sub = dict_get_str(rd<TypeObject>(parent)->dict, name(N___init_subclass__));
    if (!init_sub) continue;
    Value bound;
    if (is_layout(init_sub, Layout::Wrapper)) {
      Value inner = ro<WrapperObject>(init_sub)->wrapped;
      bound = is_layout(inner, Layout::Native)
                  ? native_new(t, ro<NativeObject>(inner)->index, type, parent, T_builtin_function)
                  : method_new(t, inner, type);
    } else {
      bound = method_new(t, init_sub, type);
    }
    if (!bound) return {};
    Value r = kwargs && dict_length(kwargs) ? call_ex(t, bound, runtime().empty_tuple, kwargs)
                                            : call0(t, bound);
    if (!r) return {};
    break;
  }
  return type;
}

} // namespace interp
