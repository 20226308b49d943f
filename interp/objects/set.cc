// interp/objects/set.cc - the set and frozenset types.
//
// A set's table is CPython's: open addressing over a power-of-two array of slots (linear
// probes of ten, then perturbed jumps), filled to 60%, grown to four times the live count.
// The table decides the order of iteration, and programs print sets: the same algorithm
// gives the same order as CPython wherever the hashes agree (ints, floats, tuples of them).
//
// The table is a DictStorage (so that dict_next walks a set's keys in table order, as the
// set iterator does) whose fields mean: capacity and used = the slot count, index_size =
// the slots ever filled (live + deleted, CPython's `fill`); each entry is one slot: key 0
// and hash 0 empty, key 0 and hash -1 deleted. The set's own `hash` field is the frozenset
// hash cache, and for a mutable set the position where pop() looks first.
#include "interp/objects/args.h"
#include "interp/objects/iterators.h"
#include "interp/objects/objects.h"
#include "interp/objects/repr_guard.h"
#include "interp/ops.h"

namespace interp {

namespace {

constexpr std::int64_t kMinSize = 8;
constexpr std::uint64_t kLinearProbes = 9;
constexpr int kPerturbShift = 5;

bool any_set(Value v) {
  return v.is_object() && is_layout(v, Layout::Set);
}

Value table_new(Thread& t, std::int64_t size) {
  Value s = allocate(t, Layout::SetStorage, type_value(T_dict_storage),
                     sizeof(DictStorage) + std::size_t(size) * sizeof(DictEntry));
  if (!s) return {};
  DictStorage* d = fresh<DictStorage>(s);
  d->capacity = size;
  d->used = size;
  d->index_size = 0;
  return s;
}

// Places a key known to be absent into a table with no deleted slots.
void insert_clean(DictStorage* table, Value key, std::int64_t hash) {
  std::uint64_t mask = std::uint64_t(table->capacity - 1);
  std::uint64_t perturb = std::uint64_t(hash);
  std::uint64_t i = std::uint64_t(hash) & mask;
  for (;;) {
    if (!table->entries[i].key) break;
    bool found = false;
    if (i + kLinearProbes <= mask) {
      for (std::uint64_t j = 1; j <= kLinearProbes; ++j)
        if (!table->entries[i + j].key) {
          i += j;
          found = true;
          break;
        }
    }
    if (found) break;
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
  table->entries[i].key = key;
  table->entries[i].hash = hash;
}

// Rebuilds the table with room for `minused` live keys, dropping deleted slots.
bool resize(Thread& t, Value set, std::int64_t minused) {
  std::int64_t size = kMinSize;
  while (size <= minused)
    size <<= 1;
  Value table = table_new(t, size);
  if (!table) return false;
  Value old = rd<SetObject>(set)->storage;
  DictStorage* n = fresh<DictStorage>(table);
  if (old) {
    const DictStorage* o = rd<DictStorage>(old);
    for (std::int64_t i = 0; i < o->capacity; ++i)
      if (o->entries[i].key) insert_clean(n, o->entries[i].key, o->entries[i].hash);
  }
  n->index_size = rd<SetObject>(set)->length;
  wr<SetObject>(set)->storage = table;
  return true;
}

bool fast_equal(Value a, Value b, int& result) {
  if (a.is_object() && b.is_object() && is_exact(a, T_str) && is_exact(b, T_str)) {
    result = str_equal(a, b);
    return true;
  }
  if (a.is_small_int() && b.is_small_int()) {
    result = a == b;
    return true;
  }
  return false;
}

// The slot holding `key`, -1 when absent, -2 on error (a key's __eq__ raised).
std::int64_t lookup(Thread& t, Value set, Value key, std::int64_t hash) {
restart:
  Value table = rd<SetObject>(set)->storage;
  if (!table) return -1;
  std::uint64_t mask = std::uint64_t(rd<DictStorage>(table)->capacity - 1);
  std::uint64_t perturb = std::uint64_t(hash);
  std::uint64_t i = std::uint64_t(hash) & mask;
  for (;;) {
    std::uint64_t probes = i + kLinearProbes <= mask ? kLinearProbes : 0;
    std::uint64_t j = i;
    for (;;) {
      const DictEntry& e = rd<DictStorage>(table)->entries[j];
      if (!e.key && e.hash == 0) return -1;
      if (e.key && e.hash == hash) {
        Value start = e.key;
        if (start == key) return std::int64_t(j);
        int eq;
        if (!fast_equal(start, key, eq)) {
          eq = equal(t, start, key);
          if (eq < 0) return -2;
          if (eq > 0) return std::int64_t(j);
          if (rd<SetObject>(set)->storage != table ||
              rd<DictStorage>(table)->entries[j].key != start)
            goto restart;
        } else if (eq) {
          return std::int64_t(j);
        }
      }
      if (probes-- == 0) break;
      ++j;
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

// 1 added, 0 already there, -1 error.
int add_entry(Thread& t, Value set, Value key, std::int64_t hash) {
restart:
  // Also after a key's __eq__ ran: it may have cleared the set, which drops its table.
  if (!rd<SetObject>(set)->storage && !resize(t, set, 0)) return -1;
  Value table = rd<SetObject>(set)->storage;
  std::uint64_t mask = std::uint64_t(rd<DictStorage>(table)->capacity - 1);
  std::uint64_t perturb = std::uint64_t(hash);
  std::uint64_t i = std::uint64_t(hash) & mask;
  std::int64_t free_slot = -1;
  std::int64_t slot;
  for (;;) {
    std::uint64_t probes = i + kLinearProbes <= mask ? kLinearProbes : 0;
    std::uint64_t j = i;
    for (;;) {
      const DictEntry& e = rd<DictStorage>(table)->entries[j];
      if (!e.key && e.hash == 0) {
        slot = std::int64_t(j);
        goto found_unused;
      }
      if (e.key && e.hash == hash) {
        Value start = e.key;
        if (start == key) return 0;
        int eq;
        if (!fast_equal(start, key, eq)) {
          eq = equal(t, start, key);
          if (eq < 0) return -1;
          if (eq > 0) return 0;
          if (rd<SetObject>(set)->storage != table ||
              rd<DictStorage>(table)->entries[j].key != start)
            goto restart;
        } else if (eq) {
          return 0;
        }
      } else if (!e.key && e.hash == -1 && free_slot < 0) {
        free_slot = std::int64_t(j);
      }
      if (probes-- == 0) break;
      ++j;
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
found_unused : {
  DictStorage* d = wr<DictStorage>(table);
  SetObject* s = wr<SetObject>(set);
  if (free_slot >= 0) {
    d->entries[free_slot].key = key;
    d->entries[free_slot].hash = hash;
    s->length += 1;
    return 1;
  }
  d->entries[slot].key = key;
  d->entries[slot].hash = hash;
  d->index_size += 1;
  s->length += 1;
  if (std::uint64_t(d->index_size) * 5 < mask * 3) return 1;
  std::int64_t used = s->length;
  return resize(t, set, used > 50000 ? used * 2 : used * 4) ? 1 : -1;
}
}

// 1 removed, 0 absent, -1 error.
int discard_entry(Thread& t, Value set, Value key, std::int64_t hash) {
  std::int64_t slot = lookup(t, set, key, hash);
  if (slot == -2) return -1;
  if (slot < 0) return 0;
  Value table = rd<SetObject>(set)->storage;
  DictEntry& e = wr<DictStorage>(table)->entries[slot];
  e.key = {};
  e.hash = -1;
  wr<SetObject>(set)->length -= 1;
  return 1;
}

// A set key that is itself an unhashable set is looked up as the equal frozenset.
bool key_hash(Thread& t, Value& key, std::int64_t& h, bool allow_set) {
  if (hash(t, key, h)) return true;
  if (!allow_set || !matches(t, exc(E_TypeError)) || !any_set(key)) return false;
  clear_pending(t);
  Value frozen = set_new(t, true);
  if (!frozen) return false;
  Value source = key;
  std::int64_t pos = 0;
  Value k, v;
  while (dict_next(source, pos, k, v))
    if (!set_add(t, frozen, k)) return false;
  key = frozen;
  return hash(t, key, h);
}

// Each live slot's key and hash, in table order.
bool next_entry(Value set, std::int64_t& pos, Value& key, std::int64_t& hash) {
  Value table = rd<SetObject>(set)->storage;
  if (!table) return false;
  const DictStorage* d = rd<DictStorage>(table);
  while (pos < d->capacity) {
    const DictEntry& e = d->entries[pos++];
    if (e.key) {
      key = e.key;
      hash = e.hash;
      return true;
    }
  }
  return false;
}

std::int64_t set_size(Value set) {
  return rd<SetObject>(set)->length;
}

void clear(Value set) {
  SetObject* s = wr<SetObject>(set);
  s->length = 0;
  s->storage = {};
}

std::int64_t table_fill(Value set) {
  Value table = rd<SetObject>(set)->storage;
  return table ? rd<DictStorage>(table)->index_size : 0;
}
std::int64_t table_mask(Value set) {
  Value table = rd<SetObject>(set)->storage;
  return table ? rd<DictStorage>(table)->capacity - 1 : kMinSize - 1;
}

// CPython's set_merge: other's keys into so, with one resize up front.
bool merge(Thread& t, Value so, Value other) {
  if (so == other || set_size(other) == 0) return true;
  std::int64_t other_used = set_size(other);
  if (!rd<SetObject>(so)->storage && !resize(t, so, 0)) return false;
  if ((table_fill(so) + other_used) * 5 >= table_mask(so) * 3 &&
      !resize(t, so, (set_size(so) + other_used) * 2))
    return false;
  Value other_table = rd<SetObject>(other)->storage;
  if (table_fill(so) == 0) {
    // Nothing to compare against: the keys go straight in, in other's order.
    Value table = rd<SetObject>(so)->storage;
    DictStorage* d = wr<DictStorage>(table);
    const DictStorage* o = rd<DictStorage>(other_table);
    bool same_shape = d->capacity == o->capacity && o->index_size == other_used;
    for (std::int64_t i = 0; i < o->capacity; ++i) {
      const DictEntry& e = o->entries[i];
      if (!e.key) continue;
      if (same_shape) {
        d->entries[i].key = e.key;
        d->entries[i].hash = e.hash;
      } else {
        insert_clean(d, e.key, e.hash);
      }
    }
    d->index_size = other_used;
    wr<SetObject>(so)->length = other_used;
    return true;
  }
  std::int64_t pos = 0;
  Value key;
  std::int64_t h;
  while (next_entry(other, pos, key, h))
    if (add_entry(t, so, key, h) < 0) return false;
  return true;
}

bool update_internal(Thread& t, Value so, Value other) {
  if (any_set(other)) return merge(t, so, other);
  if (other.is_object() && is_exact(other, T_dict)) {
    std::int64_t n = dict_length(other);
    if (!rd<SetObject>(so)->storage && !resize(t, so, 0)) return false;
    if ((table_fill(so) + n) * 5 >= table_mask(so) * 3 && !resize(t, so, (set_size(so) + n) * 2))
      return false;
    std::int64_t pos = 0, h;
    Value k, v;
    while (dict_next_hashed(other, pos, k, v, h))
      if (add_entry(t, so, k, h) < 0) return false;
    return true;
  }
  Value it = iter(t, other);
  if (!it) return false;
  for (;;) {
    Value x = next(t, it);
    if (!x) return !t.pending;
    if (!set_add(t, so, x)) return false;
  }
}

bool is_frozen_type(Value cls) {
  return is_subtype(cls, type_value(T_frozenset));
}

Value make_set(Thread& t, Value cls, Value iterable) {
  Value s = allocate(t, Layout::Set, cls, sizeof(SetObject));
  if (!s) return {};
  bool frozen = is_frozen_type(cls);
  fresh<SetObject>(s)->frozen = frozen;
  fresh<SetObject>(s)->hash = frozen ? -1 : 0;
  if (iterable && !update_internal(t, s, iterable)) return {};
  return s;
}

// A new set or frozenset (by the kind of `like`, never a subclass) holding `iterable`.
Value make_like(Thread& t, Value like, Value iterable) {
  return make_set(t, type_value(is_frozen_type(type_of(like)) ? T_frozenset : T_set), iterable);
}

Value set_copy(Thread& t, Value so) {
  return make_like(t, so, so);
}

bool clear_internal(Value so) {
  clear(so);
  return true;
}

// ---- the algebra, after CPython's setobject.c so that results come out in its order ----

Value intersection(Thread& t, Value so, Value other) {
  if (so == other) return set_copy(t, so);
  Value result = make_like(t, so, {});
  if (!result) return {};
  if (any_set(other)) {
    Value small = other, big = so;
    if (set_size(other) > set_size(so)) std::swap(small, big);
    std::int64_t pos = 0;
    Value key;
    std::int64_t h;
    while (next_entry(small, pos, key, h)) {
      std::int64_t slot = lookup(t, big, key, h);
      if (slot == -2) return {};
      if (slot >= 0 && add_entry(t, result, key, h) < 0) return {};
    }
    return result;
  }
  Value it = iter(t, other);
  if (!it) return {};
  for (;;) {
    Value key = next(t, it);
    if (!key) return t.pending ? Value() : result;
    std::int64_t h;
    if (!hash(t, key, h)) return {};
    std::int64_t slot = lookup(t, so, key, h);
    if (slot == -2) return {};
    if (slot >= 0 && add_entry(t, result, key, h) < 0) return {};
  }
}

bool difference_update_internal(Thread& t, Value so, Value other) {
  if (so == other) return clear_internal(so);
  if (any_set(other)) {
    std::int64_t pos = 0;
    Value key;
    std::int64_t h;
    while (next_entry(other, pos, key, h))
      if (discard_entry(t, so, key, h) < 0) return false;
  } else {
    Value it = iter(t, other);
    if (!it) return false;
    for (;;) {
      Value key = next(t, it);
      if (!key) {
        if (t.pending) return false;
        break;
      }
      std::int64_t h;
      if (!key_hash(t, key, h, true) || discard_entry(t, so, key, h) < 0) return false;
    }
  }
  // More than a quarter of the slots deleted: rebuild.
  if (std::uint64_t(table_fill(so) - set_size(so)) <= std::uint64_t(table_mask(so)) / 4)
    return true;
  std::int64_t used = set_size(so);
  return resize(t, so, used > 50000 ? used * 2 : used * 4);
}

Value copy_and_difference(Thread& t, Value so, Value other) {
  Value result = set_copy(t, so);
  if (!result || !difference_update_internal(t, result, other)) return {};
  return result;
}

Value difference(Thread& t, Value so, Value other) {
  std::int64_t other_size;
  bool is_dict = other.is_object() && is_exact(other, T_dict);
  if (any_set(other))
    other_size = set_size(other);
  else if (is_dict)
    other_size = dict_length(other);
  else
    return copy_and_difference(t, so, other);
  if ((set_size(so) >> 2) > other_size) return copy_and_difference(t, so, other);
  Value result = make_like(t, so, {});
  if (!result) return {};
  std::int64_t pos = 0;
  Value key;
  std::int64_t h;
  while (next_entry(so, pos, key, h)) {
    int found;
    if (is_dict) {
      bool error;
      found = bool(dict_get_hashed(t, other, key, h, error));
      if (error) return {};
    } else {
      std::int64_t slot = lookup(t, other, key, h);
      if (slot == -2) return {};
      found = slot >= 0;
    }
    if (!found && add_entry(t, result, key, h) < 0) return {};
  }
  return result;
}

bool symmetric_difference_update(Thread& t, Value so, Value other) {
  if (so == other) return clear_internal(so);
  Value source = other;
  if (other.is_object() && is_exact(other, T_dict)) {
    std::int64_t pos = 0, h;
    Value k, v;
    while (dict_next_hashed(other, pos, k, v, h)) {
      int r = discard_entry(t, so, k, h);
      if (r < 0) return false;
      if (r == 0 && add_entry(t, so, k, h) < 0) return false;
    }
    return true;
  }
  if (!any_set(other)) {
    source = make_like(t, so, other);
    if (!source) return false;
  }
  std::int64_t pos = 0;
  Value key;
  std::int64_t h;
  while (next_entry(source, pos, key, h)) {
    int r = discard_entry(t, so, key, h);
    if (r < 0) return false;
    if (r == 0 && add_entry(t, so, key, h) < 0) return false;
  }
  return true;
}

Value symmetric_difference(Thread& t, Value so, Value other) {
  Value result = make_like(t, so, other);
  if (!result || !symmetric_difference_update(t, result, so)) return {};
  return result;
}

// 1, 0, -1 error.
int is_subset(Thread& t, Value so, Value other) {
  if (!any_set(other)) {
    Value tmp = make_set(t, type_value(T_set), other);
    if (!tmp) return -1;
    return is_subset(t, so, tmp);
  }
  if (set_size(so) > set_size(other)) return 0;
  std::int64_t pos = 0;
  Value key;
  std::int64_t h;
  while (next_entry(so, pos, key, h)) {
    std::int64_t slot = lookup(t, other, key, h);
    if (slot == -2) return -1;
    if (slot < 0) return 0;
  }
  return 1;
}

int is_superset(Thread& t, Value so, Value other) {
  if (any_set(other)) return is_subset(t, other, so);
  Value it = iter(t, other);
  if (!it) return -1;
  for (;;) {
    Value key = next(t, it);
    if (!key) return t.pending ? -1 : 1;
    int r = set_contains(t, so, key);
    if (r <= 0) return r;
  }
}

// ---- natives ----------------------------------------------------------------------------

std::string method_name(Value self, const char* method) {
  return std::string(is_frozen_type(type_of(self)) ? "frozenset." : "set.") + method;
}

// The methods that take any number of others (CPython's METH_VARARGS) name themselves
// without their type.
bool no_keywords(Thread& t, const char* method, Value kwnames) {
  if (!keyword_count(kwnames)) return true;
  raisef(t, exc(E_TypeError), "%s() takes no keyword arguments", method);
  return false;
}

bool one_arg(Thread& t, Value self, const char* method, std::size_t nargs, Value kwnames) {
  return check_positional(t, method_name(self, method).c_str(), nargs, kwnames, 1, 1);
}
bool no_args(Thread& t, Value self, const char* method, std::size_t nargs, Value kwnames) {
  return check_positional(t, method_name(self, method).c_str(), nargs, kwnames, 0, 0);
}

INTERP_NATIVE(set_len) {
  return Value::small_int(set_size(args[0]));
}

INTERP_NATIVE(set_contains_method) {
  bool frozen = is_subtype(type_of(args[0]), type_value(T_frozenset));
  if (!check_positional(t, frozen ? "frozenset.__contains__" : "set.__contains__", nargs, kwnames,
                        1, 1, 1))
    return {};
  Value key = args[1];
  std::int64_t h;
  if (!key_hash(t, key, h, true)) return {};
  std::int64_t slot = lookup(t, args[0], key, h);
  if (slot == -2) return {};
  return py_bool(slot >= 0);
}

INTERP_NATIVE(set_iter) {
  return iterator_new(t, T_set_iterator, args[0]);
}

INTERP_NATIVE(set_add_method) {
  if (!one_arg(t, args[0], "add", nargs, kwnames)) return {};
  return set_add(t, args[0], args[1]) ? none() : Value();
}

INTERP_NATIVE(set_repr) {
  Value self = args[0];
  std::string tname = type_name_of(self);
  ReprGuard guard(self);
  if (guard.recursive()) return str_from_utf8(t, tname + "(...)");
  if (set_size(self) == 0) return str_from_utf8(t, tname + "()");
  bool plain = is_exact(self, T_set);
  std::string out = plain ? "{" : tname + "({";
  // The keys first (a key's repr may change the set).
  Value keys = list_new(t);
  bool ok = bool(keys);
  std::int64_t pos = 0;
  Value k;
  std::int64_t h;
  while (ok && next_entry(self, pos, k, h))
    ok = list_append(t, keys, k);
  for (std::int64_t i = 0; ok && i < list_length(keys); ++i) {
    if (i) out += ", ";
    Value r = repr(t, list_item(keys, i));
    if (!r)
      ok = false;
    else
      out += str_utf8(r);
  }
  if (!ok) return {};
  out += plain ? "}" : "})";
  return str_from_utf8(t, out);
}

INTERP_NATIVE(set_new_method) {
  Value cls = args[0];
  bool frozen = is_frozen_type(cls);
  std::size_t nkw = keyword_count(kwnames), npos = nargs - 1 - nkw;
  if (nkw && refuses_keywords(cls, frozen ? T_frozenset : T_set, N___init__))
    return raisef(t, exc(E_TypeError), "%s() takes no keyword arguments",
                  frozen ? "frozenset" : "set");
  if (!frozen) return make_set(t, cls, {});
  if (npos > 1)
    return raisef(t, exc(E_TypeError), "frozenset expected at most 1 argument, got %zu", npos);
  Value iterable = npos ? args[1] : Value();
  if (cls == type_value(T_frozenset) && iterable && iterable.is_object() &&
      is_exact(iterable, T_frozenset))
    return iterable;
  return make_set(t, cls, iterable);
}

INTERP_NATIVE(set_init) {
  Value self = args[0];
  if (is_frozen_type(type_of(self))) return none();
  std::size_t nkw = keyword_count(kwnames), npos = nargs - 1 - nkw;
  if (nkw) return raise(t, exc(E_TypeError), "set() takes no keyword arguments");
  if (npos > 1)
    return raisef(t, exc(E_TypeError), "set expected at most 1 argument, got %zu", npos);
  if (set_size(self) || rd<SetObject>(self)->storage) clear(self);
  if (npos == 1 && !update_internal(t, self, args[1])) return {};
  return none();
}

Value compare_sets(Thread& t, Value a, Value b, bytecode::CompareOp op) {
  if (!any_set(b)) return runtime().not_implemented;
  std::int64_t na = set_size(a), nb = set_size(b);
  int r;
  switch (op) {
  case bytecode::CompareOp::Eq:
  case bytecode::CompareOp::Ne:
    if (na != nb)
      r = 0;
    else
      r = is_subset(t, a, b);
    if (r < 0) return {};
    return py_bool(op == bytecode::CompareOp::Eq ? r : !r);
  case bytecode::CompareOp::Le:
    r = is_subset(t, a, b);
    break;
  case bytecode::CompareOp::Ge:
    r = is_superset(t, a, b);
    break;
  case bytecode::CompareOp::Lt:
    r = na < nb ? is_subset(t, a, b) : 0;
    break;
  default:
    r = na > nb ? is_superset(t, a, b) : 0;
    break;
  }
  if (r < 0) return {};
  return py_bool(r);
}

INTERP_NATIVE(set_eq) {
  return compare_sets(t, args[0], args[1], bytecode::CompareOp::Eq);
}
INTERP_NATIVE(set_ne) {
  return compare_sets(t, args[0], args[1], bytecode::CompareOp::Ne);
}
INTERP_NATIVE(set_lt) {
  return compare_sets(t, args[0], args[1], bytecode::CompareOp::Lt);
}
INTERP_NATIVE(set_le) {
  return compare_sets(t, args[0], args[1], bytecode::CompareOp::Le);
}
INTERP_NATIVE(set_gt) {
  return compare_sets(t, args[0], args[1], bytecode::CompareOp::Gt);
}
INTERP_NATIVE(set_ge) {
  return compare_sets(t, args[0], args[1], bytecode::CompareOp::Ge);
}

INTERP_NATIVE(set_discard) {
  if (!one_arg(t, args[0], "discard", nargs, kwnames)) return {};
  Value key = args[1];
  std::int64_t h;
  if (!key_hash(t, key, h, true)) return {};
  return discard_entry(t, args[0], key, h) < 0 ? Value() : none();
}

INTERP_NATIVE(set_remove) {
  if (!one_arg(t, args[0], "remove", nargs, kwnames)) return {};
  Value key = args[1];
  std::int64_t h;
  if (!key_hash(t, key, h, true)) return {};
  int r = discard_entry(t, args[0], key, h);
  if (r < 0) return {};
  if (r == 0) {
    Value a = tuple_from(t, &args[1], 1);
    if (!a) return {};
    Value e = exception_new(t, exc(E_KeyError), a);
    if (e) t.pending = e;
    return {};
  }
  return none();
}

INTERP_NATIVE(set_pop) {
  if (!no_args(t, args[0], "pop", nargs, kwnames)) return {};
  Value self = args[0];
  if (set_size(self) == 0) return raise(t, exc(E_KeyError), "pop from an empty set");
  Value table = rd<SetObject>(self)->storage;
  const DictStorage* d = rd<DictStorage>(table);
  std::int64_t mask = d->capacity - 1;
  std::int64_t i = rd<SetObject>(self)->hash & mask;
  while (!d->entries[i].key)
    i = (i + 1) & mask;
  Value key = d->entries[i].key;
  DictEntry& e = wr<DictStorage>(table)->entries[i];
  e.key = {};
  e.hash = -1;
  SetObject* s = wr<SetObject>(self);
  s->length -= 1;
  s->hash = i + 1;
  return key;
}

INTERP_NATIVE(set_clear_method) {
  if (!no_args(t, args[0], "clear", nargs, kwnames)) return {};
  clear(args[0]);
  return none();
}

INTERP_NATIVE(set_copy_method) {
  if (!no_args(t, args[0], "copy", nargs, kwnames)) return {};
  if (is_exact(args[0], T_frozenset)) return args[0];
  return set_copy(t, args[0]);
}

INTERP_NATIVE(set_union) {
  if (!no_keywords(t, "union", kwnames)) return {};
  Value result = set_copy(t, args[0]);
  if (!result) return {};
  for (std::size_t i = 1; i < nargs; ++i) {
    if (args[i] == args[0]) continue;
    if (!update_internal(t, result, args[i])) return {};
  }
  return result;
}

INTERP_NATIVE(set_update) {
  if (!no_keywords(t, "update", kwnames)) return {};
  for (std::size_t i = 1; i < nargs; ++i)
    if (!update_internal(t, args[0], args[i])) return {};
  return none();
}

INTERP_NATIVE(set_intersection_method) {
  if (!no_keywords(t, "intersection", kwnames)) return {};
  if (nargs == 1) return set_copy(t, args[0]);
  Value result = args[0];
  for (std::size_t i = 1; i < nargs; ++i) {
    result = intersection(t, result, args[i]);
    if (!result) return {};
  }
  return result;
}

// Makes `so` hold `other`'s contents (in-place operators keep the object, take the table).
void take_body(Value so, Value other) {
  Value storage = rd<SetObject>(other)->storage;
  std::int64_t n = set_size(other);
  SetObject* s = wr<SetObject>(so);
  s->storage = storage;
  s->length = n;
  s->hash = 0;
}

INTERP_NATIVE(set_intersection_update) {
  if (!no_keywords(t, "intersection_update", kwnames)) return {};
  Value r = set_intersection_method(t, args, nargs, kwnames);
  if (!r) return {};
  if (r != args[0]) take_body(args[0], r);
  return none();
}

INTERP_NATIVE(set_difference_method) {
  if (!no_keywords(t, "difference", kwnames)) return {};
  if (nargs == 1) return set_copy(t, args[0]);
  Value result = difference(t, args[0], args[1]);
  if (!result) return {};
  for (std::size_t i = 2; i < nargs; ++i)
    if (!difference_update_internal(t, result, args[i])) return {};
  return result;
}

INTERP_NATIVE(set_difference_update) {
  if (!no_keywords(t, "difference_update", kwnames)) return {};
  for (std::size_t i = 1; i < nargs; ++i)
    if (!difference_update_internal(t, args[0], args[i])) return {};
  return none();
}

INTERP_NATIVE(set_symmetric_difference_method) {
  if (!one_arg(t, args[0], "symmetric_difference", nargs, kwnames)) return {};
  return symmetric_difference(t, args[0], args[1]);
}

INTERP_NATIVE(set_symmetric_difference_update_method) {
  if (!one_arg(t, args[0], "symmetric_difference_update", nargs, kwnames)) return {};
  return symmetric_difference_update(t, args[0], args[1]) ? none() : Value();
}

INTERP_NATIVE(set_issubset) {
  if (!one_arg(t, args[0], "issubset", nargs, kwnames)) return {};
  int r = is_subset(t, args[0], args[1]);
  return r < 0 ? Value() : py_bool(r);
}

INTERP_NATIVE(set_issuperset) {
  if (!one_arg(t, args[0], "issuperset", nargs, kwnames)) return {};
  int r = is_superset(t, args[0], args[1]);
  return r < 0 ? Value() : py_bool(r);
}

INTERP_NATIVE(set_isdisjoint) {
  if (!one_arg(t, args[0], "isdisjoint", nargs, kwnames)) return {};
  Value so = args[0], other = args[1];
  if (so == other) return py_bool(set_size(so) == 0);
  if (any_set(other)) {
    if (set_size(other) > set_size(so)) std::swap(so, other);
    std::int64_t pos = 0;
    Value key;
    std::int64_t h;
    while (next_entry(other, pos, key, h)) {
      std::int64_t slot = lookup(t, so, key, h);
      if (slot == -2) return {};
      if (slot >= 0) return runtime().false_;
    }
    return runtime().true_;
  }
  Value it = iter(t, other);
  if (!it) return {};
  for (;;) {
    Value key = next(t, it);
    if (!key) return t.pending ? Value() : runtime().true_;
    int r = set_contains(t, so, key);
    if (r < 0) return {};
    if (r) return runtime().false_;
  }
}

// The operators: both operands must be sets or frozensets; the result has the left one's kind.
#define SET_BINARY(fn_name, body_fn)                                                               \
  INTERP_NATIVE(fn_name) {                                                                         \
    if (!any_set(args[0]) || !any_set(args[1])) return runtime().not_implemented;                  \
    return body_fn(t, args[0], args[1]);                                                           \
  }                                                                                                \
  INTERP_NATIVE(fn_name##_reflected) {                                                             \
    if (!any_set(args[0]) || !any_set(args[1])) return runtime().not_implemented;                  \
    return body_fn(t, args[1], args[0]);                                                           \
  }

Value or_sets(Thread& t, Value a, Value b) {
  Value result = set_copy(t, a);
  if (!result) return {};
  if (a == b) return result;
  return update_internal(t, result, b) ? result : Value();
}

SET_BINARY(set_or, or_sets)
SET_BINARY(set_and, intersection)
SET_BINARY(set_sub, difference)
SET_BINARY(set_xor, symmetric_difference)

INTERP_NATIVE(set_ior) {
  if (!any_set(args[1])) return runtime().not_implemented;
  return update_internal(t, args[0], args[1]) ? args[0] : Value();
}
INTERP_NATIVE(set_iand) {
  if (!any_set(args[1])) return runtime().not_implemented;
  Value r = intersection(t, args[0], args[1]);
  if (!r) return {};
  take_body(args[0], r);
  return args[0];
}
INTERP_NATIVE(set_isub) {
  if (!any_set(args[1])) return runtime().not_implemented;
  return difference_update_internal(t, args[0], args[1]) ? args[0] : Value();
}
INTERP_NATIVE(set_ixor) {
  if (!any_set(args[1])) return runtime().not_implemented;
  return symmetric_difference_update(t, args[0], args[1]) ? args[0] : Value();
}

std::uint64_t shuffle_bits(std::uint64_t h) {
  return ((h ^ 89869747ull) ^ (h << 16)) * 3644798167ull;
}

INTERP_NATIVE(frozenset_hash) {
  Value self = args[0];
  std::int64_t cached = rd<SetObject>(self)->hash;
  if (cached != -1) return int_from_i64(t, cached);
  // Order-independent: xor of every key's (shuffled) hash, then mixed with the size.
  std::uint64_t h = 0;
  std::int64_t pos = 0;
  Value key;
  std::int64_t kh;
  while (next_entry(self, pos, key, kh))
    h ^= shuffle_bits(std::uint64_t(kh));
  h ^= (std::uint64_t(set_size(self)) + 1) * 1927868237ull;
  h ^= (h >> 11) ^ (h >> 25);
  h = h * 69069u + 907133923ull;
  std::int64_t r = std::int64_t(h);
  if (r == -1) r = 590923713;
  wr<SetObject>(self)->hash = r;
  return int_from_i64(t, r);
}

INTERP_NATIVE(set_reduce) {
  Value self = args[0];
  Value keys = list_new(t);
  if (!keys) return {};
  std::int64_t pos = 0;
  Value k;
  std::int64_t h;
  while (next_entry(self, pos, k, h))
    if (!list_append(t, keys, k)) return {};
  Value inner = tuple_from(t, &keys, 1);
  if (!inner) return {};
  Value state = object_state(t, self); // a subclass's __dict__ and slots
  if (!state) return {};
  Value parts[3] = {type_of(self), inner, state};
  return tuple_from(t, parts, 3);
}

INTERP_NATIVE(set_sizeof) {
  Value table = rd<SetObject>(args[0])->storage;
  std::int64_t slots = table ? rd<DictStorage>(table)->capacity : kMinSize;
  std::int64_t bytes = type_sizes(type_of(args[0])).basicsize; // the table of 8 included
  if (slots > kMinSize) bytes += slots * 16;
  return Value::small_int(bytes);
}

} // namespace

bool set_next_hashed(Value set, std::int64_t& pos, Value& key, std::int64_t& hash) {
  return next_entry(set, pos, key, hash);
}

Value set_new(Thread& t, bool frozen) {
  return make_set(t, type_value(frozen ? T_frozenset : T_set), {});
}

bool set_add(Thread& t, Value set, Value key) {
  std::int64_t h;
  if (!hash(t, key, h)) return false;
  return add_entry(t, set, key, h) >= 0;
}

int set_contains(Thread& t, Value set, Value key) {
  std::int64_t h;
  if (!key_hash(t, key, h, true)) return -1;
  std::int64_t slot = lookup(t, set, key, h);
  if (slot == -2) return -1;
  return slot >= 0 ? 1 : 0;
}

void init_set_types(Thread& t) {
  const MethodDef shared[] = {
      {"__len__", set_len},
      {"__contains__", set_contains_method, MethodArgs::one},
      {"__iter__", set_iter},
      {"__repr__", set_repr},
      {"__eq__", set_eq},
      {"__ne__", set_ne},
      {"__lt__", set_lt},
      {"__le__", set_le},
      {"__gt__", set_gt},
      {"__ge__", set_ge},
      {"__or__", set_or},
      {"__ror__", set_or_reflected},
      {"__and__", set_and},
      {"__rand__", set_and_reflected},
      {"__sub__", set_sub},
      {"__rsub__", set_sub_reflected},
      {"__xor__", set_xor},
      {"__rxor__", set_xor_reflected},
      {"__init__", set_init},
      {"__reduce__", set_reduce},
      {"__sizeof__", set_sizeof, MethodArgs::none},
      {"copy", set_copy_method, MethodArgs::none},
      {"union", set_union},
      {"intersection", set_intersection_method},
      {"difference", set_difference_method},
      {"symmetric_difference", set_symmetric_difference_method, MethodArgs::one},
      {"issubset", set_issubset, MethodArgs::one},
      {"issuperset", set_issuperset, MethodArgs::one},
      {"isdisjoint", set_isdisjoint, MethodArgs::one},
  };
  const MethodDef mutating[] = {
      {"add", set_add_method, MethodArgs::one},
      {"discard", set_discard, MethodArgs::one},
      {"remove", set_remove, MethodArgs::one},
      {"pop", set_pop, MethodArgs::none},
      {"clear", set_clear_method, MethodArgs::none},
      {"update", set_update},
      {"intersection_update", set_intersection_update},
      {"difference_update", set_difference_update},
      {"symmetric_difference_update", set_symmetric_difference_update_method, MethodArgs::one},
      {"__ior__", set_ior},
      {"__iand__", set_iand},
      {"__isub__", set_isub},
      {"__ixor__", set_ixor},
  };
  for (TypeId id : {T_set, T_frozenset}) {
    Value type = type_value(id);
    add_methods(t, type, shared);
    add_staticmethod(t, type, "__new__", set_new_method);
  }
  add_methods(t, type_value(T_set), mutating);
  add_attribute(t, type_value(T_set), "__hash__", none());
  add_method(t, type_value(T_frozenset), "__hash__", frozenset_hash);
}

} // namespace interp
