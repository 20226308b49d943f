// interp/objects/type.cc - the type type: classes, their MRO, attribute lookup along it,
// the class statement's type(name, bases, ns), and calling a class to make an instance.
//
// Builtin types are made once at start-up and never change afterwards, so C++ reads them
// without barriers. Classes made by `class` statements (kHeapType) are ordinary mutable
// heap objects: reading their dict takes barriers like any dict.
#include "gc/gc.h"
#include "interp/objects/args.h"
#include "interp/objects/class_key.h"
#include "interp/objects/objects.h"
#include "interp/objects/thread_cache.h"
#include "interp/ops.h"
#include "interp/text/identifiers.h"
#include "interp/vm/vm.h"

#include <algorithm>
#include <cstring>
#include <vector>

namespace interp {

// As CPython 3.11: an error in __set_name__ becomes a RuntimeError that names the attribute
// and the class, with the error as its cause.
static Value set_name_failed(Thread& t, Value value, Value key, Value type) {
  Value cause = fetch_pending(t);
  std::string key_repr = str_check(key) ? repr_utf8(t, key) : std::string("?");
  if (t.pending) clear_pending(t);
  raisef(t, exc(E_RuntimeError), "Error calling __set_name__ on '%s' instance %s in '%s'",
         type_name(type_of(value)).c_str(), key_repr.c_str(), type_name(type).c_str());
  Value error = fetch_pending(t);
  if (error && cause) {
    setattr(t, error, name(N___cause__), cause);
    setattr(t, error, name(N___context__), cause);
    clear_pending(t);
  }
  return raise_value(t, error);
}

bool is_subtype(Value sub, Value base) {
  if (sub == base) return true;
  Value mro = rd<TypeObject>(sub)->mro;
  if (!mro) {
    // A class whose mro() is still running: its chain of bases says.
    for (Value b = rd<TypeObject>(sub)->base; b; b = rd<TypeObject>(b)->base)
      if (b == base) return true;
    return false;
  }
  std::int64_t n = tuple_length(mro);
  for (std::int64_t i = 0; i < n; ++i)
    if (tuple_item(mro, i) == base) return true;
  return false;
}

bool isinstance(Value v, TypeId base) {
  return is_subtype(type_of(v), type_value(base));
}

namespace {

Value type_lookup_uncached(Value type, Value attr) {
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

// The lookup cache: per thread, so it needs no lock and holds no transaction's secrets.
// An entry remembers what type_lookup(type, attr) gave (0 included: most instance
// attributes are not on the class), under a ClassKey. A change to a class gives it and
// every class below it a new version (type_modified), so one version covers the whole
// MRO. A class the transaction changed got a fresh version number, never handed out
// again, so entries made meanwhile are dead after an abort restores the old one.
constexpr std::size_t kLookupEntries = 1024;

struct LookupEntry {
  ClassKey key;
  Value result;
};

std::atomic<std::uint64_t> next_type_version{1};

LookupEntry& lookup_entry(Value type, Value attr) {
  std::uint64_t h = (type.bits() >> 4) * 0x9E3779B97F4A7C15ull ^ (attr.bits() >> 4);
  return ThreadCache<LookupEntry, kLookupEntries>::at(h ^ (h >> 29));
}

} // namespace

void type_modified(Value type) {
  wr<TypeObject>(type)->version = next_type_version.fetch_add(1, std::memory_order_relaxed);
  Value below = rd<TypeObject>(type)->subclasses;
  if (!below) return;
  for (std::int64_t k = 0, n = list_length(below); k < n; ++k)
    if (Value sub = rd<WeakRefObject>(list_item(below, k))->target) type_modified(sub);
}

std::uint64_t cacheable_version(Value type) {
  const TypeObject* o = rd<TypeObject>(type);
  if (!(o->flags & kHeapType)) return 0;
  if (stm::is_new_object(type.offset())) return kNotCacheable;
  return o->version ? o->version : kNotCacheable;
}

Value type_lookup(Value type, Value attr) {
  LookupEntry& e = lookup_entry(type, attr);
  if (e.key.matches(type, attr)) return e.result;
  Value result = type_lookup_uncached(type, attr);
  if (rd<TypeObject>(type)->mro && e.key.remember(type, attr)) e.result = result;
  return result;
}

std::string type_name(Value type) {
  return str_utf8(rd<TypeObject>(type)->name);
}
// CPython's tp_name, which its messages print: a type made in C++ by a module other than
// builtins carries the module ("collections.deque", "_io.BytesIO"), a class statement's
// class only its own name.
std::string display_name(Value type) {
  const TypeObject* o = rd<TypeObject>(type);
  std::string n = type_name(type);
  if (o->flags & kHeapType || !o->module || !str_check(o->module)) return n;
  std::string module = str_utf8(o->module);
  return module == "builtins" ? n : module + "." + n;
}
std::string type_name_of(Value v) {
  return display_name(type_of(v));
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
  Value own = list_new(t); // the type's own weak references (see type_new)
  if (!own) return {};
  wr<TypeObject>(type)->weakrefs = own;
  return type;
}

// C3 linearization: the class, then a merge of its bases' MROs and the list of bases.
Value c3_mro(Thread& t, Value type) {
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
  for (std::int64_t i = 0; i < nb; ++i) {
    Value b = tuple_item(bases, i);
    if (std::find(base_list.begin(), base_list.end(), b) != base_list.end()) {
      return raisef(t, exc(E_TypeError), "duplicate base class %s", type_name(b).c_str());
    }
    base_list.push_back(b);
  }
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
      std::vector<Value> listed;
      for (auto& s : seqs)
        if (!s.empty() && std::find(listed.begin(), listed.end(), s.front()) == listed.end()) {
          listed.push_back(s.front());
          if (!names.empty()) names += ", ";
          names += type_name(s.front());
        }
      return raisef(t, exc(E_TypeError),
                    "Cannot create a consistent method resolution\norder (MRO) for bases %s",
                    names.c_str());
    }
    result.push_back(candidate);
    for (auto& s : seqs)
      if (!s.empty() && s.front() == candidate) s.erase(s.begin());
  }
  // The values live in a C++ vector only while no allocation happens between here and
  // the tuple's creation, apart from tuple_from itself (which copies them first).
  return tuple_from(t, result.data(), result.size());
}

// The MRO that a metaclass's own mro() gives, checked as CPython checks it: classes only,
// each one whose layout the class's instances have.
static Value custom_mro(Thread& t, Value type, Value method) {
  Value r = call0(t, method);
  if (!r) return {};
  Value mro = tuple_of(t, r);
  if (!mro) return {};
  Value solid = solid_base(type);
  for (std::int64_t i = 0; i < tuple_length(mro); ++i) {
    Value c = tuple_item(mro, i);
    if (!is_layout(c, Layout::Type))
      return raisef(t, exc(E_TypeError), "mro() returned a non-class ('%s')",
                    type_name_of(c).c_str());
    if (!is_subtype(solid, solid_base(c)))
      return raisef(t, exc(E_TypeError), "mro() returned base with unsuitable layout ('%s')",
                    type_name(c).c_str());
  }
  return mro;
}

bool compute_mro(Thread& t, Value type) {
  Value mro;
  Value meta = type_of(type);
  Value own = meta == type_value(T_type) ? Value() : type_lookup(meta, name(N_mro));
  if (own && own != type_lookup(type_value(T_type), name(N_mro))) {
    Value method = lookup_special(t, type, N_mro);
    if (!method) return false;
    mro = custom_mro(t, type, method);
  } else {
    mro = c3_mro(t, type);
  }
  if (!mro) return false;
  wr<TypeObject>(type)->mro = mro;
  type_modified(type);
  return true;
}

void add_attribute(Thread& t, Value type, const char* attr, Value value) {
  Value key = intern_literal(t, attr);
  dict_set(t, rd<TypeObject>(type)->dict, key, value);
  if (rd<TypeObject>(type)->flags & kHeapType) type_modified(type);
}

static void add_method(Thread& t, Value type, const char* method, NativeFn fn, const char* doc,
                       MethodArgs args) {
  const SlotWrapper* slot = slot_wrapper(type, method);
  if (slot && !doc) doc = slot->doc;
  std::int64_t index = register_native(method, fn, doc);
  if (slot) set_slot_arity(index, *slot);
  runtime().natives[std::size_t(index)].method_args = std::int8_t(args);
  Value m = native_new(t, index, {}, type, slot ? T_wrapper_descriptor : T_method_descriptor);
  add_attribute(t, type, method, m);
}

void add_method(Thread& t, Value type, const char* method, NativeFn fn, const char* doc) {
  add_method(t, type, method, fn, doc, MethodArgs::native_checks);
}

void add_method(Thread& t, Value type, const char* method, NativeFn fn, MethodArgs args) {
  add_method(t, type, method, fn, nullptr, args);
}

void add_methods(Thread& t, Value type, std::span<const MethodDef> methods) {
  for (const MethodDef& m : methods)
    add_method(t, type, m.name, m.fn, nullptr, m.args);
}

const NativeInfo* native_info(Value callable) {
  if (!is_layout(callable, Layout::Native)) return nullptr;
  return &runtime().natives[std::size_t(rd<NativeObject>(callable)->index)];
}

void mark_sequence_repeat(Thread& t, Value type) {
  for (const char* method : {"__mul__", "__rmul__", "__imul__"}) {
    Value f = dict_get_cstr(t, rd<TypeObject>(type)->dict, method);
    if (f && is_layout(f, Layout::Native))
      runtime().natives[std::size_t(rd<NativeObject>(f)->index)].sequence_repeat = true;
  }
}

void add_getter(Thread& t, Value type, const char* attr, NativeFn fn, NativeFn setter) {
  std::int64_t index = register_native(attr, fn);
  Value getter = native_new(t, index, {}, type, T_builtin_function);
  Value set =
      setter ? native_new(t, register_native(attr, setter), {}, type, T_builtin_function) : none();
  Value p = allocate(t, Layout::Property, type_value(T_getset_descriptor), sizeof(PropertyObject));
  if (!p || !getter || !set) return;
  PropertyObject* o = fresh<PropertyObject>(p);
  o->fget = getter;
  o->fset = set;
  o->fdel = set; // called with self alone: the setter says what deleting means
  o->doc = none();
  o->name = intern_literal(t, attr);
  add_attribute(t, type, attr, p);
}

// ---- getsets answered by name ---------------------------------------------------------------
//
// Many builtin types answer their attributes in their own __getattribute__ (a chain of name
// tests that keeps the common reads quick). For the type's dict to list them, as dir(),
// vars() and inspect expect, each is also a descriptor there (a getset_descriptor or a
// member_descriptor, as CPython shows it) whose getter and setter hand the name back to
// those natives. Their bound self is the tuple (name, accessor index, owner).

namespace {

Value member_descriptor_type; // made at start-up, a gc root

struct NamedAccess {
  NativeFn get, set;
};
// Written only while the interpreter starts (one thread); read without locks after.
constexpr std::size_t kMaxNamedAccess = 64;
NamedAccess named_access[kMaxNamedAccess];
std::size_t named_access_count = 0;
std::int64_t named_natives[2] = {-1, -1};

// A getset whose accessor falls back to generic_getattr for some objects would find
// itself again; the innermost such call reports the attribute missing instead.
thread_local Value named_busy_obj, named_busy_name;

bool named_applies(Thread& t, Value info, Value obj) {
  Value owner = tuple_item(info, 2);
  if (is_subtype(type_of(obj), owner)) return true;
  raisef(t, exc(E_TypeError), "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
         str_utf8(tuple_item(info, 0)).c_str(), type_name(owner).c_str(),
         type_name_of(obj).c_str());
  return false;
}

INTERP_NATIVE(named_get) {
  Value info = args[0], obj = args[1], attr = tuple_item(info, 0);
  if (!named_applies(t, info, obj)) return {};
  if (named_busy_obj == obj && named_busy_name == attr)
    return raisef(t, exc(E_AttributeError), "'%s' object has no attribute '%s'",
                  type_name_of(obj).c_str(), str_utf8(attr).c_str());
  // Restored on any exit: an aborted transaction unwinds through here as a C++ exception.
  struct Busy {
    Value saved_obj = named_busy_obj, saved_name = named_busy_name;
    ~Busy() {
      named_busy_obj = saved_obj;
      named_busy_name = saved_name;
    }
  } busy;
  named_busy_obj = obj;
  named_busy_name = attr;
  Value a[2] = {obj, attr};
  return named_access[tuple_item(info, 1).small_int_value()].get(t, a, 2, {});
}

// Called with (info, obj, value) to set and (info, obj) to delete.
INTERP_NATIVE(named_set) {
  Value info = args[0], obj = args[1];
  if (!named_applies(t, info, obj)) return {};
  Value a[3] = {obj, tuple_item(info, 0), nargs > 2 ? args[2] : Value()};
  return named_access[tuple_item(info, 1).small_int_value()].set(t, a, nargs > 2 ? 3 : 2, {});
}

std::int64_t named_access_index(NativeFn get, NativeFn set) {
  for (std::size_t i = 0; i < named_access_count; ++i)
    if (named_access[i].get == get && named_access[i].set == set) return std::int64_t(i);
  if (named_access_count == kMaxNamedAccess) std::abort();
  if (named_natives[0] < 0) {
    named_natives[0] = register_native("__get__", named_get);
    named_natives[1] = register_native("__set__", named_set);
  }
  named_access[named_access_count] = {get, set};
  return std::int64_t(named_access_count++);
}

// `kind`: getset_descriptor or member_descriptor, as CPython's type shows the attribute.
Value named_getset_new(Thread& t, Value owner, Value attr, std::int64_t index,
                       Value kind = type_value(T_getset_descriptor)) {
  Value items[3] = {attr, Value::small_int(index), owner};
  Value info = tuple_from(t, items, 3);
  if (!info) return {};
  Value getter = native_new(t, named_natives[0], info, owner, T_builtin_function);
  Value setter = named_access[index].set
                     ? native_new(t, named_natives[1], info, owner, T_builtin_function)
                     : none();
  if (!getter || !setter) return {};
  Value p = allocate(t, Layout::Property, kind, sizeof(PropertyObject));
  if (!p) return {};
  PropertyObject* o = fresh<PropertyObject>(p);
  o->fget = getter;
  o->fset = setter;
  o->fdel = setter;
  o->doc = none();
  o->name = attr;
  return p;
}

// An instance's __dict__, made on first use.
// A class's __dict__ getset applied to an instance whose builtin base keeps the dict its
// own way (a class made by a metaclass that also derives from a class, a module) does what
// that base's __dict__ does, as CPython's subtype_dict defers to it: a class's is a
// read-only mappingproxy, a module's a read-only attribute.
INTERP_NATIVE(instance_dict_get) {
  Value obj = args[0];
  if (is_layout(obj, Layout::Type)) return mappingproxy_new(t, rd<TypeObject>(obj)->dict);
  if (Value dict = rd<Object>(obj)->dict) return dict;
  Value dict = dict_new(t);
  if (dict) wr<Object>(obj)->dict = dict;
  return dict;
}

INTERP_NATIVE(instance_dict_set) {
  if (is_layout(args[0], Layout::Type))
    return raise(t, exc(E_AttributeError), "attribute '__dict__' of 'type' objects is not writable");
  if (is_layout(args[0], Layout::Module)) return raise(t, exc(E_AttributeError), "readonly attribute");
  // Deleting leaves the instance with no attributes (a fresh dict on next use).
  if (nargs < 3) {
    wr<Object>(args[0])->dict = Value();
    return none();
  }
  if (!dict_check(args[2]))
    return raisef(t, exc(E_TypeError), "__dict__ must be set to a dictionary, not a '%s'",
                  type_name_of(args[2]).c_str());
  wr<Object>(args[0])->dict = args[2];
  return none();
}

// The first of the object's weak references (see the weakref module), as CPython shows it.
INTERP_NATIVE(instance_weakref_get) {
  Value r = first_weakref(args[0]);
  return r ? r : none();
}

std::int64_t instance_dict_access = -1, instance_weakref_access = -1;

} // namespace

void add_named_getters(Thread& t, Value type, std::initializer_list<const char*> names,
                       NativeFn get, NativeFn set) {
  std::int64_t index = named_access_index(get, set);
  for (const char* n : names) {
    Value attr = intern_literal(t, n);
    Value d = named_getset_new(t, type, attr, index);
    if (!d) return;
    add_attribute(t, type, n, d);
  }
}

void add_named_members(Thread& t, Value type, std::initializer_list<const char*> names,
                       NativeFn get, NativeFn set) {
  std::int64_t index = named_access_index(get, set);
  for (const char* n : names) {
    Value d = named_getset_new(t, type, intern_literal(t, n), index, member_descriptor_type);
    if (!d) return;
    add_attribute(t, type, n, d);
  }
}

bool is_member_descriptor(Value v) {
  return v.is_object() && type_of(v) == member_descriptor_type;
}

bool has_instance_dict(Value type) {
  return type != type_value(T_object) && !(rd<TypeObject>(type)->flags & kNoInstanceDict);
}

std::int64_t slot_index_for(Value descr, Value type) {
  if (!is_member_descriptor(descr) || !ro<PropertyObject>(descr)->doc.is_small_int() ||
      !is_subtype(type, descriptor_owner(descr)))
    return -1;
  return ro<PropertyObject>(descr)->doc.small_int_value();
}

void add_instance_dict_getter(Thread& t, Value type) {
  add_named_getters(t, type, {"__dict__"}, instance_dict_get, instance_dict_set);
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
  if (std::strcmp(method, "__new__") == 0)
    runtime().natives[std::size_t(index)].takes_subtype = true;
  Value m = native_new(t, index, {}, type, T_builtin_function);
  add_attribute(t, type, method, wrap(t, T_staticmethod, m));
}

// ---- __slots__ and the weak-reference word --------------------------------------------------
//
// A slot is a word at the end of the instance: allocate() adds the words a class asks for
// in its flags after the layout's struct and its variable part (a str's characters), so
// word k of an object with N slot words sits at its size - 8 * (N - k), inherited words
// first, whatever the layout. Its descriptor is a member_descriptor: a Property-layout
// object (so attribute access treats it as a data descriptor with no extra dispatch) whose
// getter, setter and deleter are natives bound to the descriptor itself; `doc` holds the
// word's index and `name` the slot's name.
//
// Which classes may have which words follows CPython's rules (type_new_slots there): no
// nonempty __slots__ below a type whose instances vary in size (int, bytes, tuple, type:
// CPython's tp_itemsize != 0); a `__dict__` slot only where the base's instances have no
// dict, a `__weakref__` slot only where they take no weak references and do not vary in
// size. A class without __slots__ adds both where its base lacks them. Instances that take
// weak references list them in one more slot word (TypeObject::weaklist; a type in its own
// field), read by interp/modules/weakref.cc.

Value* slot_word_at(Value obj, std::uint64_t index, bool write) {
  std::uint64_t words = slot_words(type_of(obj));
  std::size_t size = ro<Object>(obj)->header.size;
  char* base = write ? reinterpret_cast<char*>(wr<Object>(obj))
                     : const_cast<char*>(reinterpret_cast<const char*>(rd<Object>(obj)));
  return reinterpret_cast<Value*>(base + size - 8 * (words - index));
}

void make_weakrefable(Value type) {
  TypeObject* o = wr<TypeObject>(type);
  if (o->weaklist) return;
  if (Layout(o->layout) == Layout::Type) {
    o->weaklist = kWeaklistTypeField;
    return;
  }
  std::uint64_t words = ((o->flags & kSlotWordsMask) >> kSlotWordsShift) + 1;
  o->flags = (o->flags & ~kSlotWordsMask) | (words << kSlotWordsShift);
  o->weaklist = std::int64_t(words);
}

bool takes_weakrefs(Value obj) {
  return obj.is_object() && rd<TypeObject>(type_of(obj))->weaklist != 0;
}

Value* weakref_list_word(Value obj, bool write) {
  if (!obj.is_object()) return nullptr;
  std::int64_t w = rd<TypeObject>(type_of(obj))->weaklist;
  if (w == 0) return nullptr;
  if (w == kWeaklistTypeField)
    return write ? &wr<TypeObject>(obj)->weakrefs
                 : const_cast<Value*>(&rd<TypeObject>(obj)->weakrefs);
  return slot_word_at(obj, std::uint64_t(w - 1), write);
}

namespace {

// CPython's tp_itemsize != 0: instances of classes below these vary in size, so no slot
// word may follow them (int, bytes, tuple and their classes; type and metaclasses).
bool varies_in_size(Value type) {
  switch (Layout(rd<TypeObject>(type)->layout)) {
  case Layout::BigInt:
  case Layout::Bytes:
  case Layout::Tuple:
  case Layout::Type:
    return true;
  default:
    return false;
  }
}

// Whether a class itself (not a base) gave its instances the weak-reference word; and
// the slot words that decide its layout (CPython's extra_ivars leaves that word out when
// it is the last, so `class C: pass` and `class D: pass` are no layout conflict in
// `class E(C, D)`).
bool adds_weakref_word(Value type) {
  const TypeObject* o = rd<TypeObject>(type);
  return (o->flags & kHeapType) && o->weaklist > 0 && o->base &&
         rd<TypeObject>(o->base)->weaklist == 0;
}
std::uint64_t layout_words(Value type) {
  std::uint64_t words = slot_words(type);
  if (adds_weakref_word(type) && std::uint64_t(rd<TypeObject>(type)->weaklist) == words) --words;
  return words;
}
// Whether instances of a class carry words that its base's do not (CPython's extra_ivars).
bool extra_words(Value type) {
  return layout_words(type) != slot_words(rd<TypeObject>(type)->base);
}

Value* slot_word(Value obj, Value descr, bool write) {
  return slot_word_at(obj, std::uint64_t(ro<PropertyObject>(descr)->doc.small_int_value()), write);
}

// The class that defines the slot (for the TypeError of a foreign instance).
bool check_slot_instance(Thread& t, Value descr, Value obj) {
  Value owner = descriptor_owner(descr);
  if (obj.is_object() && is_subtype(type_of(obj), owner)) return true;
  raisef(t, exc(E_TypeError), "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
         str_utf8(ro<PropertyObject>(descr)->name).c_str(), type_name(owner).c_str(),
         type_name_of(obj).c_str());
  return false;
}

Value slot_missing(Thread& t, Value descr, Value obj) {
  return raisef(t, exc(E_AttributeError), "'%s' object has no attribute '%s'",
                type_name_of(obj).c_str(), str_utf8(ro<PropertyObject>(descr)->name).c_str());
}

INTERP_NATIVE(slot_get) {
  Value descr = args[0], obj = args[1];
  if (!check_slot_instance(t, descr, obj)) return {};
  Value v = *slot_word(obj, descr, false);
  return v ? v : slot_missing(t, descr, obj);
}

INTERP_NATIVE(slot_set) {
  Value descr = args[0], obj = args[1];
  if (!check_slot_instance(t, descr, obj)) return {};
  *slot_word(obj, descr, true) = args[2];
  return none();
}

INTERP_NATIVE(slot_delete) {
  Value descr = args[0], obj = args[1];
  if (!check_slot_instance(t, descr, obj)) return {};
  // CPython's message for deleting an empty slot is the bare name.
  if (!*slot_word(obj, descr, false)) {
    Value name_of_slot = ro<PropertyObject>(descr)->name;
    Value e_args = tuple_from(t, &name_of_slot, 1);
    Value e = e_args ? exception_new(t, exc(E_AttributeError), e_args) : Value();
    return e ? raise_value(t, e) : Value();
  }
  *slot_word(obj, descr, true) = Value();
  return none();
}

INTERP_NATIVE(member_repr) {
  Value descr = args[0];
  return str_from_utf8(t, "<member '" + str_utf8(ro<PropertyObject>(descr)->name) + "' of '" +
                              type_name(descriptor_owner(descr)) + "' objects>");
}

// The descriptor protocol called by name (the VM reads the getter and setter directly).
INTERP_NATIVE(member_get) {
  Value obj = nargs > 1 ? args[1] : none();
  if (obj == none()) return args[0];
  return descriptor_get(t, args[0], obj, type_of(obj));
}

INTERP_NATIVE(member_set) {
  if (!check_positional(t, "__set__", nargs, kwnames, 2, 2)) return {};
  return property_store(t, args[0], args[1], args[2]) ? none() : Value();
}

INTERP_NATIVE(member_delete) {
  if (!check_positional(t, "__delete__", nargs, kwnames, 1, 1)) return {};
  return property_store(t, args[0], args[1], {}) ? none() : Value();
}

INTERP_NATIVE(member_name) {
  return ro<PropertyObject>(args[0])->name;
}

INTERP_NATIVE(member_objclass) {
  return descriptor_owner(args[0]);
}

std::int64_t slot_natives[3] = {-1, -1, -1};

Value member_new(Thread& t, Value owner, Value slot_name, std::int64_t offset) {
  Value d = allocate(t, Layout::Property, member_descriptor_type, sizeof(PropertyObject));
  if (!d) return {};
  Value fns[3];
  for (int i = 0; i < 3; ++i) {
    fns[i] = native_new(t, slot_natives[i], d, owner, T_builtin_function);
    if (!fns[i]) return {};
  }
  PropertyObject* p = fresh<PropertyObject>(d);
  p->fget = fns[0];
  p->fset = fns[1];
  p->fdel = fns[2];
  p->doc = Value::small_int(offset);
  p->name = slot_name;
  return d;
}

bool is_identifier(Value s) {
  std::u32string cps = str_code_points(s);
  return text::is_identifier<char32_t>(cps);
}

// `__x` in class `_C` is stored as `_C__x`, as the compiler mangles names in the body.
Value mangle(Thread& t, Value class_name, Value n) {
  std::string text = str_utf8(n);
  if (text.size() < 3 || text.compare(0, 2, "__") != 0 ||
      (text.size() >= 4 && text.compare(text.size() - 2, 2, "__") == 0) ||
      text.find('.') != std::string::npos)
    return n;
  std::string cls = str_utf8(class_name);
  std::size_t lead = cls.find_first_not_of('_');
  if (lead == std::string::npos) return n;
  return str_from_utf8(t, "_" + cls.substr(lead) + text);
}

// What a class adds to its base's instances: __dict__ and the weak-reference word.
struct LayoutAdds {
  bool dict = false, weakref = false;
};

// Reads __slots__ from the new class's namespace: adds the member descriptors, decides
// whether instances keep a __dict__ and take weak references, and records the words
// instances need (CPython's type_new_slots).
bool apply_slots(Thread& t, Value type, Value dict, Value bases, Value best_base,
                 LayoutAdds& adds) {
  Value slots = dict_get_str(dict, name(N___slots__));
  std::uint64_t inherited = slot_words(best_base);
  bool may_add_dict = !has_instance_dict(best_base);
  bool may_add_weak = rd<TypeObject>(best_base)->weaklist == 0 && !varies_in_size(best_base);
  Value names = list_new(t);
  if (!names) return false;
  if (!slots) {
    adds.dict = may_add_dict;
    adds.weakref = may_add_weak;
  } else {
    Value items = str_check(slots) ? tuple_from(t, &slots, 1) : tuple_of(t, slots);
    if (!items) return false;
    if (tuple_length(items) > 0 && varies_in_size(best_base)) {
      raisef(t, exc(E_TypeError), "nonempty __slots__ not supported for subtype of '%s'",
             display_name(best_base).c_str());
      return false;
    }
    Value class_name = rd<TypeObject>(type)->name;
    for (std::int64_t i = 0; i < tuple_length(items); ++i) {
      Value n = tuple_item(items, i);
      if (!str_check(n)) {
        raisef(t, exc(E_TypeError), "__slots__ items must be strings, not '%s'",
               type_name_of(n).c_str());
        return false;
      }
      if (!is_identifier(n)) {
        raise(t, exc(E_TypeError), "__slots__ must be identifiers");
        return false;
      }
      if (str_equal_ascii(n, "__dict__")) {
        if (!may_add_dict || adds.dict) {
          raise(t, exc(E_TypeError), "__dict__ slot disallowed: we already got one");
          return false;
        }
        adds.dict = true;
        continue;
      }
      if (str_equal_ascii(n, "__weakref__")) {
        if (!may_add_weak || adds.weakref) {
          raise(t, exc(E_TypeError),
                "__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0");
          return false;
        }
        adds.weakref = true;
        continue;
      }
      Value mangled = mangle(t, class_name, n);
      if (!mangled) return false;
      // A name given twice is one slot (CPython accepts it: datetime's __slots__ repeat
      // '_hashcode' from both bases).
      bool repeated = false;
      for (std::int64_t k = 0; k < list_length(names) && !repeated; ++k)
        repeated = str_equal(list_item(names, k), mangled);
      if (repeated) continue;
      if (dict_get_str(dict, mangled)) {
        raisef(t, exc(E_ValueError), "%s in __slots__ conflicts with class variable",
               repr_utf8(t, mangled).c_str());
        return false;
      }
      if (!list_append(t, names, mangled)) return false;
    }
    // Secondary bases may give instances a __dict__ or weak references.
    for (std::int64_t i = 0; i < tuple_length(bases) && tuple_length(bases) > 1; ++i) {
      Value b = tuple_item(bases, i);
      if (b == best_base) continue;
      if (may_add_dict && !adds.dict && has_instance_dict(b)) adds.dict = true;
      if (may_add_weak && !adds.weakref && rd<TypeObject>(b)->weaklist != 0) adds.weakref = true;
    }
  }
  // In code point order, as CPython lays them out: classes that name the same slots in
  // another order have one layout (their instances may swap __class__).
  // (The list keeps the names alive while the vector orders them.)
  std::int64_t count = list_length(names);
  std::vector<std::pair<std::string, Value>> ordered;
  for (std::int64_t i = 0; i < count; ++i)
    ordered.emplace_back(str_utf8(list_item(names, i)), list_item(names, i));
  std::sort(ordered.begin(), ordered.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  for (std::int64_t i = 0; i < count; ++i)
    list_set_item(names, i, ordered[std::size_t(i)].second);
  for (std::int64_t i = 0; i < count; ++i) {
    Value d = member_new(t, type, list_item(names, i), std::int64_t(inherited) + i);
    if (!d || !dict_set(t, dict, list_item(names, i), d)) return false;
  }
  std::uint64_t words = inherited + std::uint64_t(count);
  TypeObject* o = wr<TypeObject>(type);
  std::uint64_t flags = o->flags & ~(kSlotWordsMask | kNoInstanceDict);
  if (may_add_dict && !adds.dict) flags |= kNoInstanceDict;
  o->weaklist = rd<TypeObject>(best_base)->weaklist;
  if (adds.weakref) o->weaklist = std::int64_t(++words);
  o->flags = flags | (words << kSlotWordsShift);
  return true;
}

// The docstring that help() shows for a getset descriptor.
bool set_getset_doc(Thread& t, Value getset, const char* doc) {
  Value text = str_from_ascii(t, doc);
  if (text) wr<PropertyObject>(getset)->doc = text;
  return bool(text);
}

// A class that gives its instances a __dict__ or weak references that its base's instances
// lack shows them as getsets of its own, as vars() of a CPython class does.
bool add_layout_getsets(Thread& t, Value type, const LayoutAdds& adds) {
  Value dict = rd<TypeObject>(type)->dict;
  Value dict_name = intern_literal(t, "__dict__");
  Value weakref_name = intern_literal(t, "__weakref__");
  bool changed = false;
  if (adds.dict && !dict_get_str(dict, dict_name)) {
    Value d = named_getset_new(t, type, dict_name, instance_dict_access);
    if (!d || !set_getset_doc(t, d, "dictionary for instance variables (if defined)") ||
        !dict_set(t, dict, dict_name, d))
      return false;
    changed = true;
  }
  if (adds.weakref && !dict_get_str(dict, weakref_name)) {
    Value d = named_getset_new(t, type, weakref_name, instance_weakref_access);
    if (!d || !set_getset_doc(t, d, "list of weak references to the object (if defined)") ||
        !dict_set(t, dict, weakref_name, d))
      return false;
    changed = true;
  }
  if (changed) type_modified(type);
  return true;
}

// The names of the slots a class itself defines (CPython's ht_slots), for comparing.
std::vector<std::string> own_slot_names(Value type) {
  std::vector<std::string> names;
  Value dict = rd<TypeObject>(type)->dict;
  std::int64_t pos = 0;
  Value k, v;
  while (dict_next(dict, pos, k, v))
    if (is_member_descriptor(v) && ro<PropertyObject>(v)->doc.is_small_int() &&
        descriptor_owner(v) == type && str_check(k))
      names.push_back(str_utf8(k));
  std::sort(names.begin(), names.end());
  return names;
}

// CPython's compatible_with_tp_base: instances of the class look like its base's.
bool laid_out_as_base(Value type) {
  Value base = rd<TypeObject>(type)->base;
  if (!base) return false;
  const TypeObject *c = rd<TypeObject>(type), *b = rd<TypeObject>(base);
  return c->layout == b->layout && slot_words(type) == slot_words(base) &&
         c->weaklist == b->weaklist && has_instance_dict(type) == has_instance_dict(base) &&
         type_sizes(type).gc == type_sizes(base).gc;
}

// CPython's same_slots_added: two classes that add the same to one base's instances.
bool same_slots_added(Value a, Value b) {
  const TypeObject *x = rd<TypeObject>(a), *y = rd<TypeObject>(b);
  if (!(x->flags & kHeapType) || !(y->flags & kHeapType)) return false;
  return slot_words(a) == slot_words(b) && x->weaklist == y->weaklist &&
         has_instance_dict(a) == has_instance_dict(b) && own_slot_names(a) == own_slot_names(b);
}

} // namespace

bool compatible_for_class_assignment(Value from, Value to) {
  Value new_base = to, old_base = from;
  while (laid_out_as_base(new_base))
    new_base = rd<TypeObject>(new_base)->base;
  while (laid_out_as_base(old_base))
    old_base = rd<TypeObject>(old_base)->base;
  if (new_base == old_base) return true;
  return rd<TypeObject>(new_base)->base == rd<TypeObject>(old_base)->base &&
         same_slots_added(new_base, old_base);
}

namespace {

// CPython 3.11's numbers for its builtin types: basic size, item size, dict offset,
// weak-list offset, and whether it tracks their instances for cycles (Py_TPFLAGS_HAVE_GC).
struct BuiltinSizes {
  TypeId id;
  TypeSizes sizes;
};
constexpr BuiltinSizes kBuiltinSizes[] = {
    {T_object, {16, 0, 0, 0, false, false}},
    {T_type, {904, 40, 264, 368, true, false}},
    {T_int, {24, 4, 0, 0, false, false}},
    {T_bool, {32, 4, 0, 0, false, false}},
    {T_float, {24, 0, 0, 0, false, false}},
    {T_complex, {32, 0, 0, 0, false, false}},
    {T_str, {80, 0, 0, 0, false, false}},
    {T_bytes, {33, 1, 0, 0, false, false}},
    {T_bytearray, {56, 0, 0, 0, false, false}},
    {T_tuple, {24, 8, 0, 0, true, false}},
    {T_list, {40, 0, 0, 0, true, false}},
    {T_dict, {48, 0, 0, 0, true, false}},
    {T_set, {200, 0, 0, 192, true, false}},
    {T_frozenset, {200, 0, 0, 192, true, false}},
    {T_function, {136, 0, 88, 96, true, false}},
    {T_code, {184, 2, 0, 144, false, false}},
    {T_frame, {72, 0, 0, 0, true, false}},
    {T_cell, {24, 0, 0, 0, true, false}},
    {T_module, {56, 0, 16, 40, true, false}},
    {T_builtin_function, {56, 0, 0, 40, true, false}},
    {T_method_descriptor, {56, 0, 0, 0, true, false}},
    {T_wrapper_descriptor, {56, 0, 0, 0, true, false}},
    {T_method_wrapper, {32, 0, 0, 0, true, false}},
    {T_method, {48, 0, 0, 32, true, false}},
    {T_NoneType, {16, 0, 0, 0, false, false}},
    {T_NotImplementedType, {16, 0, 0, 0, false, false}},
    {T_ellipsis, {16, 0, 0, 0, false, false}},
    {T_generator, {152, 8, 0, 24, true, false}},
    {T_coroutine, {152, 8, 0, 24, true, false}},
    {T_async_generator, {168, 8, 0, 24, true, false}},
    {T_range, {48, 0, 0, 0, false, false}},
    {T_slice, {40, 0, 0, 0, true, false}},
    {T_property, {64, 0, 0, 0, true, false}},
    {T_classmethod, {32, 0, 24, 0, true, false}},
    {T_staticmethod, {32, 0, 24, 0, true, false}},
    {T_super, {40, 0, 0, 0, true, false}},
    {T_memoryview, {144, 8, 0, 136, true, false}},
    {T_BaseException, {72, 0, 16, 0, true, false}},
    {T_weakref, {64, 0, 0, 0, true, false}},
    {T_GenericAlias, {64, 0, 0, 56, true, false}},
    {T_UnionType, {32, 0, 0, 0, true, false}},
    {T_mappingproxy, {24, 0, 0, 0, true, false}},
    {T_getset_descriptor, {48, 0, 0, 0, true, false}},
};

// The size of the struct of a layout, for builtin types that the table leaves out.
std::int64_t layout_struct_size(Layout layout) {
  switch (layout) {
  case Layout::Instance: return 16;
  case Layout::List: return sizeof(ListObject) - 8;
  case Layout::Dict: return sizeof(DictObject) - 8;
  case Layout::Set: return 200;
  case Layout::Exception: return 72;
  case Layout::Iterator: return sizeof(IteratorObject) - 8;
  case Layout::WeakRef: return 64;
  case Layout::Tuple: return 24;
  default: return 32;
  }
}

} // namespace

TypeSizes type_sizes(Value type) {
  const TypeObject* o = rd<TypeObject>(type);
  if (!(o->flags & kHeapType)) {
    for (const BuiltinSizes& b : kBuiltinSizes)
      if (type == type_value(b.id)) return b.sizes;
    // Made by a module in C++, or a builtin exception: what its base says, or its
    // layout's struct.
    TypeSizes sizes{layout_struct_size(Layout(o->layout)), 0, 0, 0, true, false};
    if (o->base && o->base != type_value(T_object) &&
        Layout(rd<TypeObject>(o->base)->layout) == Layout(o->layout)) {
      sizes = type_sizes(o->base);
      sizes.weaklistoffset = 0;
    }
    if (has_instance_dict(type) && !sizes.dictoffset) sizes.dictoffset = 16;
    if (o->weaklist && !sizes.weaklistoffset) {
      sizes.weaklistoffset = sizes.basicsize;
      sizes.basicsize += 8;
    }
    return sizes;
  }
  // A class: its base's instances, then what CPython's type_new_descriptors adds to them:
  // the slots, a dict before the weak-reference list where the base varies in size,
  // the weak-reference list, and a "managed" dict (kept before the object) otherwise.
  Value base = o->base;
  TypeSizes b = type_sizes(base);
  TypeSizes sizes = b;
  bool adds_dict = has_instance_dict(type) && !has_instance_dict(base);
  bool adds_weak = o->weaklist > 0 && rd<TypeObject>(base)->weaklist == 0;
  std::int64_t slots = std::int64_t(slot_words(type) - slot_words(base)) - (adds_weak ? 1 : 0);
  std::int64_t offset = b.basicsize + 8 * slots;
  if (adds_dict && b.itemsize) {
    sizes.dictoffset = -8;
    offset += 8;
  }
  if (adds_weak) {
    sizes.weaklistoffset = offset;
    offset += 8;
  }
  if (adds_dict && !b.itemsize) {
    sizes.managed_dict = true;
    sizes.dictoffset = -offset - 24;
  }
  sizes.basicsize = offset;
  sizes.gc = true;
  return sizes;
}

void init_member_descriptor_type(Thread& t) {
  instance_dict_access = named_access_index(instance_dict_get, instance_dict_set);
  instance_weakref_access = named_access_index(instance_weakref_get, nullptr);
  slot_natives[0] = register_native("__get__", slot_get);
  slot_natives[1] = register_native("__set__", slot_set);
  slot_natives[2] = register_native("__delete__", slot_delete);
  Value object_type = type_value(T_object);
  Value type = allocate(t, Layout::Type, type_value(T_type), sizeof(TypeObject));
  Value n = intern_literal(t, "member_descriptor");
  Value d = dict_new(t);
  Value bases = tuple_from(t, &object_type, 1);
  TypeObject* o = fresh<TypeObject>(type);
  o->flags = kNoInstanceDict;
  o->layout = static_cast<std::uint64_t>(Layout::Property);
  o->base = object_type;
  o->name = n;
  o->qualname = n;
  o->dict = d;
  o->bases = bases;
  compute_mro(t, type);
  member_descriptor_type = type;
  gc::add_root(reinterpret_cast<const stm::Offset*>(&member_descriptor_type));
  add_method(t, type, "__repr__", member_repr);
  add_method(t, type, "__get__", member_get);
  add_method(t, type, "__set__", member_set);
  add_method(t, type, "__delete__", member_delete);
  add_getter(t, type, "__name__", member_name);
  add_getter(t, type, "__objclass__", member_objclass);
  add_getter(t, type, "__qualname__", descriptor_qualname);
  add_attribute(t, type, "__doc__", none());
  update_type_flags(type);
}

// ---- class creation ---------------------------------------------------------------------------

Value solid_base(Value type) {
  // Every builtin exception class has BaseException's instance layout, so (as in CPython)
  // class E(LookupError, SystemError) has no conflict: they share the solid base.
  auto same_exception_layout = [](Value a, Value b) {
    return rd<TypeObject>(a)->layout == std::uint64_t(Layout::Exception) &&
           rd<TypeObject>(b)->layout == std::uint64_t(Layout::Exception);
  };
  Value base = rd<TypeObject>(type)->base;
  while (base && ((rd<TypeObject>(type)->flags & kHeapType) || same_exception_layout(type, base))) {
    type = base;
    base = rd<TypeObject>(type)->base;
  }
  return type;
}

// The nearest class from `type` up whose instances are laid out differently from its
// base's: solid_base, or a class below it that adds __slots__ words.
static Value layout_base(Value type) {
  Value solid = solid_base(type);
  for (Value c = type; c != solid; c = rd<TypeObject>(c)->base)
    if (extra_words(c)) return c;
  return solid;
}

// As CPython's best_base: the base whose layout extends every other's, the first of
// equals. A class that adds slot words extends its base's layout, so
// class C(WithSlots, WithoutSlots) lays out C's instances as WithSlots's.
static Value best_base_of(Thread& t, Value bases) {
  Value best_base;
  for (std::int64_t i = 0, nb = tuple_length(bases); i < nb; ++i) {
    Value b = tuple_item(bases, i);
    if (!b.is_object() || !is_layout(b, Layout::Type))
      return raise(t, exc(E_TypeError), "bases must be types");
    if (!(rd<TypeObject>(b)->flags & kBaseType))
      return raisef(t, exc(E_TypeError), "type '%s' is not an acceptable base type",
                    qualified_name(t, b).c_str());
    if (!rd<TypeObject>(b)->mro)
      return raisef(t, exc(E_TypeError), "Cannot extend an incomplete type '%s'",
                    type_name(b).c_str());
    Value solid = layout_base(b);
    if (!best_base) {
      best_base = b;
    } else {
      Value best_solid = layout_base(best_base);
      if (is_subtype(best_solid, solid)) {
        // best_base's layout already extends b's.
      } else if (is_subtype(solid, best_solid)) {
        best_base = b;
      } else {
        return raise(t, exc(E_TypeError), "multiple bases have instance lay-out conflict");
      }
    }
  }
  return best_base;
}

// Enters a new class in the __subclasses__ list of each base that is a class (not a
// builtin type), dropping the entries of classes that died meanwhile.
static bool note_subclass(Thread& t, Value type, Value bases) {
  for (std::int64_t i = 0, n = tuple_length(bases); i < n; ++i) {
    Value base = tuple_item(bases, i);
    if (!(rd<TypeObject>(base)->flags & kHeapType)) continue;
    Value ref = allocate(t, Layout::WeakRef, type_value(T_weakref), sizeof(WeakRefObject));
    if (!ref) return false;
    fresh<WeakRefObject>(ref)->target = type;
    fresh<WeakRefObject>(ref)->hash = -1;
    Value kept = list_new(t);
    if (!kept) return false;
    if (Value old = rd<TypeObject>(base)->subclasses) {
      for (std::int64_t k = 0; k < list_length(old); ++k) {
        Value r = list_item(old, k);
        if (rd<WeakRefObject>(r)->target && !list_append(t, kept, r)) return false;
      }
    }
    if (!list_append(t, kept, ref)) return false;
    wr<TypeObject>(base)->subclasses = kept;
  }
  return true;
}

// Takes `type` out of the __subclasses__ list of each of `bases`.
static bool forget_subclass(Thread& t, Value type, Value bases) {
  for (std::int64_t i = 0, n = tuple_length(bases); i < n; ++i) {
    Value base = tuple_item(bases, i);
    Value old = rd<TypeObject>(base)->subclasses;
    if (!old) continue;
    Value kept = list_new(t);
    if (!kept) return false;
    for (std::int64_t k = 0; k < list_length(old); ++k) {
      Value r = list_item(old, k);
      Value target = rd<WeakRefObject>(r)->target;
      if (target && target != type && !list_append(t, kept, r)) return false;
    }
    wr<TypeObject>(base)->subclasses = kept;
  }
  return true;
}

// The MROs of the classes below `type`, after its own changed.
static bool recompute_subclass_mros(Thread& t, Value type) {
  Value below = rd<TypeObject>(type)->subclasses;
  if (!below) return true;
  for (std::int64_t k = 0; k < list_length(below); ++k)
    if (Value sub = rd<WeakRefObject>(list_item(below, k))->target)
      if (!compute_mro(t, sub) || !recompute_subclass_mros(t, sub)) return false;
  return true;
}

Value set_bases(Thread& t, Value type, Value bases) {
  std::string n = type_name(type);
  if (!bases)
    return raisef(t, exc(E_TypeError), "cannot delete '__bases__' attribute of immutable type '%s'",
                  n.c_str());
  if (!(bases.is_object() && isinstance(bases, T_tuple)))
    return raisef(t, exc(E_TypeError), "can only assign tuple to %s.__bases__, not %s", n.c_str(),
                  type_name_of(bases).c_str());
  if (tuple_length(bases) == 0)
    return raisef(t, exc(E_TypeError), "can only assign non-empty tuple to %s.__bases__, not ()",
                  n.c_str());
  for (std::int64_t i = 0; i < tuple_length(bases); ++i) {
    Value b = tuple_item(bases, i);
    if (!(b.is_object() && is_layout(b, Layout::Type)))
      return raisef(t, exc(E_TypeError), "%s.__bases__ must be tuple of classes, not '%s'",
                    n.c_str(), type_name_of(b).c_str());
    // The chain of bases too: a reentrant assignment from a mro() sets it before the MRO.
    bool below = is_subtype(b, type);
    for (Value c = b; c && !below; c = rd<TypeObject>(c)->base)
      below = c == type;
    if (below) return raise(t, exc(E_TypeError), "a __bases__ item causes an inheritance cycle");
  }
  Value new_base = best_base_of(t, bases);
  if (!new_base) return {};
  Value old_base = rd<TypeObject>(type)->base;
  Value old_layout = layout_base(old_base), new_layout = layout_base(new_base);
  if (rd<TypeObject>(old_layout)->layout != rd<TypeObject>(new_layout)->layout ||
      layout_words(old_layout) != layout_words(new_layout))
    return raisef(t, exc(E_TypeError), "__bases__ assignment: '%s' %s differs from '%s'",
                  type_name(new_base).c_str(),
                  rd<TypeObject>(old_layout)->layout != rd<TypeObject>(new_layout)->layout
                      ? "deallocator"
                      : "object layout",
                  type_name(old_base).c_str());
  Value old_bases = rd<TypeObject>(type)->bases;
  wr<TypeObject>(type)->bases = bases;
  wr<TypeObject>(type)->base = new_base;
  if (!compute_mro(t, type) || !recompute_subclass_mros(t, type)) {
    // Put everything back as it was (the error stays pending).
    // (Unless a mro() assigned __bases__ again meanwhile: that assignment stands.)
    Value error = t.pending;
    if (rd<TypeObject>(type)->bases == bases) {
      wr<TypeObject>(type)->bases = old_bases;
      wr<TypeObject>(type)->base = old_base;
    }
    t.pending = {};
    compute_mro(t, type);
    recompute_subclass_mros(t, type);
    t.pending = error;
    return {};
  }
  // A mro() that assigned __bases__ again meanwhile has done this part already.
  if (rd<TypeObject>(type)->bases == bases &&
      (!forget_subclass(t, type, old_bases) || !note_subclass(t, type, bases)))
    return {};
  type_modified(type);
  update_type_flags(type);
  return none();
}

Value type_new(Thread& t, Value metatype, Value type_name_value, Value bases, Value ns,
               Value kwargs) {
  if (!str_check(type_name_value))
    return raisef(t, exc(E_TypeError), "type.__new__() argument 1 must be str, not %s",
                  type_name_of(type_name_value).c_str());
  std::string type_name_text;
  if (!str_utf8_strict(t, type_name_value, type_name_text)) return {};
  if (type_name_text.find('\0') != std::string::npos)
    return raise(t, exc(E_ValueError), "type name must not contain null characters");
  if (!bases || tuple_length(bases) == 0) {
    Value object_type = type_value(T_object);
    bases = tuple_from(t, &object_type, 1);
    if (!bases) return {};
  }
  Value best_base = best_base_of(t, bases);
  if (!best_base) return {};
  Value type = allocate(t, Layout::Type, metatype, sizeof(TypeObject));
  if (!type) return {};
  // A mapping that orders its own iteration (an OrderedDict) gives that order.
  Value dict = dict_new(t);
  if (!dict || !dict_update(t, dict, ns)) return {};
  TypeObject* o = fresh<TypeObject>(type);
  o->flags = kHeapType | kBaseType;
  o->version = next_type_version.fetch_add(1, std::memory_order_relaxed);
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
  if (!module) {
    // type(name, bases, ns) called directly: the module of the calling code.
    Value frame = vm::current_frame(t);
    Value globals = frame ? rd<FrameObject>(frame)->globals : Value();
    module = globals ? dict_get_str(globals, name(N___name__)) : Value();
    if (module && !dict_set(t, dict, name(N___module__), module)) return {};
  }
  fresh<TypeObject>(type)->module = module;
  // A class that defines __eq__ and not __hash__ is unhashable.
  if (dict_get_str(dict, name(N___eq__)) && !dict_get_str(dict, name(N___hash__)) &&
      !dict_set(t, dict, name(N___hash__), none()))
    return {};
  // The cell is filled before mro() runs: a metaclass's mro() may call the methods that
  // read __class__.
  if (Value cell = dict_get_str(dict, name(N___classcell__))) {
    if (!is_layout(cell, Layout::Cell))
      return raisef(t, exc(E_TypeError), "__classcell__ must be a nonlocal cell, not %s",
                    repr_utf8(t, type_of(cell)).c_str());
    wr<CellObject>(cell)->ref = type;
    if (dict_del(t, dict, name(N___classcell__)) < 0) return {};
  }
  if (!compute_mro(t, type)) return {};
  // What `match` takes it for: as the first class of its MRO that is a sequence or a
  // mapping.
  Value own_mro = rd<TypeObject>(type)->mro;
  for (std::int64_t i = 1; i < tuple_length(own_mro); ++i)
    if (std::uint64_t kind = rd<TypeObject>(tuple_item(own_mro, i))->flags & kCollectionFlags) {
      wr<TypeObject>(type)->flags |= kind;
      break;
    }
  if (!note_subclass(t, type, bases)) return {};
  LayoutAdds adds;
  if (!apply_slots(t, type, dict, bases, best_base, adds)) return {};
  if (!add_layout_getsets(t, type, adds)) return {};
  // The class's own weak references are listed from the start: a weak reference to a
  // class (abc's caches, singledispatch) then writes that list, not the class that every
  // attribute lookup reads.
  {
    Value own = list_new(t);
    if (!own) return {};
    wr<TypeObject>(type)->weakrefs = own;
  }
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
  // Every class has its own __doc__ (None without a docstring), so none is inherited.
  if (!dict_get_str(dict, name(N___doc__)) && !dict_set(t, dict, name(N___doc__), none()))
    return {};
  // CPython keeps a str docstring as C text too, refusing a lone surrogate as its encoder does.
  if (Value doc = dict_get_str(dict, name(N___doc__)); str_check(doc)) {
    std::string text;
    if (!str_utf8_strict(t, doc, text)) return {};
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
    if (!r) return set_name_failed(t, value, key, type);
  }
  // super(type, type).__init_subclass__(**kwargs); super() refuses a class that a custom
  // mro() left out of its own MRO.
  Value mro = rd<TypeObject>(type)->mro;
  std::int64_t self_at = 0;
  while (self_at < tuple_length(mro) && tuple_item(mro, self_at) != type)
    ++self_at;
  if (self_at == tuple_length(mro))
    return raise(t, exc(E_TypeError),
                 "super(type, obj): obj must be an instance or subtype of type");
  for (std::int64_t i = self_at + 1; i < tuple_length(mro); ++i) {
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
