// interp/objects/dict.cc - the dict type: an insertion-ordered hash table.
//
// A dict is a small header object pointing at its storage (entries in insertion order,
// then an index of int32 slots). Reading a dict takes read barriers on both; writing
// takes write barriers on both. Growing allocates new storage, which the running
// transaction owns and fills without barriers. Sets reuse the same storage (set.cc).
#include "gc/gc.h"
#include "interp/objects/dict_table.h"
#include "interp/objects/objects.h"
#include "interp/ops.h"

#include <cstring>

namespace interp {

namespace table {

std::int32_t* index_of(DictStorage* s) {
  return reinterpret_cast<std::int32_t*>(s->entries + s->capacity);
}
const std::int32_t* index_of(const DictStorage* s) {
  return reinterpret_cast<const std::int32_t*>(s->entries + s->capacity);
}

Value storage_new(Thread& t, std::int64_t index_size) {
  std::int64_t capacity = index_size * 2 / 3;
  Value s = allocate(t, Layout::DictStorage, type_value(T_dict_storage),
                     sizeof(DictStorage) + capacity * sizeof(DictEntry) +
                         index_size * sizeof(std::int32_t));
  if (!s) return {};
  DictStorage* o = fresh<DictStorage>(s);
  o->index_size = index_size;
  o->capacity = capacity;
  o->used = 0;
  std::memset(index_of(o), 0xff, index_size * sizeof(std::int32_t));
  return s;
}

// A str whose class compares as str does: str itself, or a subclass that leaves __eq__
// alone (its instances are equal keys to equal strs, as in CPython).
static bool compares_as_str(Value k) {
  if (!k.is_object()) return false;
  Value type = type_of(k);
  if (type == type_value(T_str)) return true;
  return is_subtype(type, type_value(T_str)) &&
         type_lookup(type, name(N___eq__)) == type_lookup(type_value(T_str), name(N___eq__));
}

// The fast key comparison: identity, or two strs with equal contents.
static bool same_key(Value a, Value b) {
  if (a == b) return true;
  return compares_as_str(a) && compares_as_str(b) && str_equal(a, b);
}

static bool plain_key(Value k) {
  return k.is_small_int() || (k.is_object() && is_exact(k, T_str));
}

// Looks the key up: the entry number, -1 when absent, -2 on error. `slot` receives the
// index slot where the key is or should go.
std::int64_t find(Thread& t, Value storage, Value key, std::int64_t hash, std::int64_t* slot) {
  for (;;) {
    const DictStorage* s = rd<DictStorage>(storage);
    const std::int32_t* index = index_of(s);
    std::uint64_t mask = s->index_size - 1;
    std::uint64_t i = static_cast<std::uint64_t>(hash) & mask;
    std::uint64_t perturb = static_cast<std::uint64_t>(hash);
    std::int64_t free_slot = -1;
    bool restart = false;
    for (;;) {
      std::int32_t e = index[i];
      if (e == -1) {
        if (slot) *slot = free_slot >= 0 ? free_slot : std::int64_t(i);
        return -1;
      }
      if (e == -2) {
        if (free_slot < 0) free_slot = std::int64_t(i);
      } else {
        const DictEntry& entry = s->entries[e];
        if (entry.key && entry.hash == hash) {
          if (same_key(entry.key, key)) {
            if (slot) *slot = std::int64_t(i);
            return e;
          }
          if (!(plain_key(entry.key) && plain_key(key))) {
            Value k = entry.key;
            std::int64_t used_before = s->used;
            int eq = equal(t, k, key);
            if (eq < 0) return -2;
            // __eq__ ran Python code, which may have changed the table: start over.
            s = rd<DictStorage>(storage);
            index = index_of(s);
            if (s->used != used_before || s->entries[e].key != k) {
              restart = true;
              break;
            }
            if (eq) {
              if (slot) *slot = std::int64_t(i);
              return e;
            }
          }
        }
      }
      perturb >>= 5;
      i = (i * 5 + perturb + 1) & mask;
    }
    if (!restart) return -1;
  }
}

// Rebuilds into a table large enough for `needed` live entries, dropping deleted ones.
Value grow(Thread& t, Value old_storage, std::int64_t live, std::int64_t needed) {
  std::int64_t size = 8;
  while (size * 2 / 3 < needed + 1)
    size *= 2;
  Value fresh_storage = storage_new(t, size);
  if (!fresh_storage) return {};
  DictStorage* n = fresh<DictStorage>(fresh_storage);
  if (old_storage) {
    const DictStorage* o = rd<DictStorage>(old_storage);
    std::int32_t* index = index_of(n);
    std::uint64_t mask = n->index_size - 1;
    for (std::int64_t e = 0; e < o->used; ++e) {
      const DictEntry& entry = o->entries[e];
      if (!entry.key) continue;
      std::uint64_t i = static_cast<std::uint64_t>(entry.hash) & mask;
      std::uint64_t perturb = static_cast<std::uint64_t>(entry.hash);
      while (index[i] != -1) {
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
      }
      index[i] = std::int32_t(n->used);
      n->entries[n->used++] = entry;
    }
  }
  (void)live;
  return fresh_storage;
}

} // namespace table

using namespace table;

Value dict_new(Thread& t) {
  Value d = allocate(t, Layout::Dict, type_value(T_dict), sizeof(DictObject));
  return d;
}

bool dict_check(Value v) {
  return v.is_object() && isinstance(v, T_dict);
}

std::int64_t dict_length(Value dict) {
  return rd<DictObject>(dict)->length;
}

Value dict_get(Thread& t, Value dict, Value key, bool& error) {
  error = false;
  // Hash even an empty dict's key, so that an unhashable key is an error there too.
  std::int64_t h;
  if (!hash(t, key, h)) {
    error = true;
    return {};
  }
  return dict_get_hashed(t, dict, key, h, error);
}

Value dict_get_hashed(Thread& t, Value dict, Value key, std::int64_t h, bool& error) {
  error = false;
  Value storage = rd<DictObject>(dict)->storage;
  if (!storage) return {};
  std::int64_t e = find(t, storage, key, h, nullptr);
  if (e == -2) {
    error = true;
    return {};
  }
  if (e < 0) return {};
  return rd<DictStorage>(storage)->entries[e].value;
}

namespace {

// The entry holding str `key` (no user __eq__ can run), or -1. `undecided`, if given, is
// set when the probe passed a key of equal hash whose own __eq__ might call it equal to
// `key`: only the full lookup can then say whether the key is absent.
std::int32_t str_entry(const DictStorage* s, Value key, bool* undecided = nullptr) {
  std::int64_t h = str_hash(key);
  const std::int32_t* index = index_of(s);
  std::uint64_t mask = s->index_size - 1;
  std::uint64_t i = static_cast<std::uint64_t>(h) & mask;
  std::uint64_t perturb = static_cast<std::uint64_t>(h);
  for (;;) {
    std::int32_t e = index[i];
    if (e == -1) return -1;
    if (e >= 0) {
      const DictEntry& entry = s->entries[e];
      if (entry.key && entry.hash == h) {
        if (same_key(entry.key, key)) return e;
        if (undecided && !plain_key(entry.key)) *undecided = true;
      }
    }
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
}

// Is str `key` the key of entry `e`? Cheaper than a probe when the guess is right.
bool str_entry_is(const DictStorage* s, std::int32_t e, Value key) {
  if (e < 0 || e >= s->used) return false;
  Value k = s->entries[e].key;
  return k == key ||
         (k && s->entries[e].hash == str_hash(key) && is_exact(k, T_str) && str_equal(k, key));
}

// Only the value word changes: a big dict's commit copies one page of its storage.
void set_entry_value(Value storage, std::int64_t e, Value value) {
  const DictStorage* at_of = ro<DictStorage>(storage); // only to compute the offset
  std::size_t at = std::size_t(reinterpret_cast<const char*>(&at_of->entries[e].value) -
                               reinterpret_cast<const char*>(at_of));
  wr_range<DictStorage>(storage, at, sizeof(Value))->entries[e].value = value;
}

} // namespace

Value dict_get_str(Value dict, Value key) {
  Value storage = rd<DictObject>(dict)->storage;
  if (!storage) return {};
  const DictStorage* s = rd<DictStorage>(storage);
  std::int32_t e = str_entry(s, key);
  return e < 0 ? Value() : s->entries[e].value;
}

Value dict_get_str_hinted_slow(Value dict, Value key, std::int32_t& hint) {
  Value storage = rd<DictObject>(dict)->storage;
  if (!storage) return {};
  const DictStorage* s = rd<DictStorage>(storage);
  if (!str_entry_is(s, hint, key)) {
    hint = str_entry(s, key);
    if (hint < 0) return {};
  }
  return s->entries[hint].value;
}

Value dict_get_global_slow(Value globals, Value builtins, Value key, GlobalHint& hint) {
  std::uint64_t collections = gc::collection_count(), aborts = stm::thread_abort_count();
  Value gs = rd<DictObject>(globals)->storage;
  const DictStorage* g = gs ? rd<DictStorage>(gs) : nullptr;
  Value bs = rd<DictObject>(builtins)->storage;
  const DictStorage* b = bs ? rd<DictStorage>(bs) : nullptr;
  hint.collections = collections;
  hint.aborts = aborts;
  hint.globals_storage = gs;
  hint.globals_used = g ? g->used : 0;
  hint.builtins_storage = bs;
  std::int32_t e = g ? str_entry(g, key) : -1;
  hint.in_builtins = e < 0;
  const DictStorage* found = g;
  if (e < 0) {
    e = b ? str_entry(b, key) : -1;
    found = b;
  }
  hint.entry = e;
  if (e < 0) {
    hint.collections = ~std::uint64_t{0};
    return {};
  }
  hint.key = found->entries[e].key;
  return found->entries[e].value;
}

Value dict_get_cstr(Thread& t, Value dict, const char* key) {
  Value k = str_from_utf8(t, key);
  if (!k) return {};
  return dict_get_str(dict, k);
}

// Adds `key`, which a lookup has just not found, with its hash: no comparison runs.
static bool insert_absent(Thread& t, Value dict, Value key, std::int64_t h, Value value) {
  Value storage = rd<DictObject>(dict)->storage;
  if (storage) {
    const DictStorage* s = rd<DictStorage>(storage);
    if (s->used < s->capacity) {
      DictStorage* w = wr<DictStorage>(storage);
      // The slot found before __eq__ ran may be stale: find again without comparisons.
      std::int32_t* index = index_of(w);
      std::uint64_t mask = w->index_size - 1;
      std::uint64_t i = static_cast<std::uint64_t>(h) & mask;
      std::uint64_t perturb = static_cast<std::uint64_t>(h);
      while (index[i] >= 0) {
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
      }
      index[i] = std::int32_t(w->used);
      w->entries[w->used++] = {h, key, value};
      wr<DictObject>(dict)->length += 1;
      return true;
    }
  }
  std::int64_t live = rd<DictObject>(dict)->length;
  Value grown = grow(t, storage, live, live + 1);
  if (!grown) return false;
  DictObject* d = wr<DictObject>(dict);
  d->storage = grown;
  DictStorage* w = fresh<DictStorage>(grown);
  std::int32_t* index = index_of(w);
  std::uint64_t mask = w->index_size - 1;
  std::uint64_t i = static_cast<std::uint64_t>(h) & mask;
  std::uint64_t perturb = static_cast<std::uint64_t>(h);
  while (index[i] != -1) {
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
  index[i] = std::int32_t(w->used);
  w->entries[w->used++] = {h, key, value};
  d->length = live + 1;
  return true;
}

bool dict_set_hashed(Thread& t, Value dict, Value key, std::int64_t h, Value value) {
  if (Value storage = rd<DictObject>(dict)->storage) {
    std::int64_t slot;
    std::int64_t e = find(t, storage, key, h, &slot);
    if (e == -2) return false;
    if (e >= 0) {
      set_entry_value(rd<DictObject>(dict)->storage, e, value); // __eq__ may have replaced it
      return true;
    }
  }
  return insert_absent(t, dict, key, h, value);
}

Value dict_setdefault(Thread& t, Value dict, Value key, Value value) {
  std::int64_t h;
  if (!hash(t, key, h)) return {};
  if (Value storage = rd<DictObject>(dict)->storage) {
    std::int64_t e = find(t, storage, key, h, nullptr);
    if (e == -2) return {};
    if (e >= 0) return rd<DictStorage>(rd<DictObject>(dict)->storage)->entries[e].value;
  }
  return insert_absent(t, dict, key, h, value) ? value : Value();
}

bool dict_set(Thread& t, Value dict, Value key, Value value) {
  std::int64_t h;
  if (!hash(t, key, h)) return false;
  return dict_set_hashed(t, dict, key, h, value);
}

bool dict_set_str_hinted(Thread& t, Value dict, Value key, Value value, std::int32_t& hint) {
  if (Value storage = rd<DictObject>(dict)->storage) {
    const DictStorage* s = rd<DictStorage>(storage);
    bool undecided = false;
    std::int32_t e = str_entry_is(s, hint, key) ? hint : str_entry(s, key, &undecided);
    if (e >= 0) {
      hint = e;
      set_entry_value(storage, e, value);
      return true;
    }
    if (undecided) return dict_set_hashed(t, dict, key, str_hash(key), value);
  }
  if (!insert_absent(t, dict, key, str_hash(key), value)) return false;
  hint = std::int32_t(rd<DictStorage>(rd<DictObject>(dict)->storage)->used - 1);
  return true;
}

int dict_del(Thread& t, Value dict, Value key) {
  std::int64_t h;
  if (!hash(t, key, h)) return -1;
  Value storage = rd<DictObject>(dict)->storage;
  if (!storage) return 0;
  std::int64_t slot;
  std::int64_t e = find(t, storage, key, h, &slot);
  if (e == -2) return -1;
  if (e < 0) return 0;
  storage = rd<DictObject>(dict)->storage;
  DictStorage* w = wr<DictStorage>(storage);
  index_of(w)[slot] = -2;
  w->entries[e].key = {};
  w->entries[e].value = {};
  wr<DictObject>(dict)->length -= 1;
  return 1;
}

bool dict_next(Value dict, std::int64_t& pos, Value& key, Value& value) {
  std::int64_t h;
  return dict_next_hashed(dict, pos, key, value, h);
}

bool dict_next_hashed(Value dict, std::int64_t& pos, Value& key, Value& value, std::int64_t& hash) {
  Value storage = rd<DictObject>(dict)->storage;
  if (!storage) return false;
  const DictStorage* s = rd<DictStorage>(storage);
  while (pos < s->used) {
    const DictEntry& e = s->entries[pos++];
    if (e.key) {
      key = e.key;
      value = e.value;
      hash = e.hash;
      return true;
    }
  }
  return false;
}

Value dict_copy(Thread& t, Value dict) {
  Value copy = dict_new(t);
  if (!copy) return {};
  std::int64_t pos = 0;
  Value k, v;
  while (dict_next(dict, pos, k, v)) {
    std::int64_t h = 0;
    // Keys of a dict were hashable once; their hash is kept in the entry.
    const DictStorage* s = rd<DictStorage>(rd<DictObject>(dict)->storage);
    h = s->entries[pos - 1].hash;
    if (!dict_set_hashed(t, copy, k, h, v)) return {};
  }
  return copy;
}

bool dict_update(Thread& t, Value dict, Value other) {
  // A subclass that overrides __iter__ is read through keys(), as CPython does.
  if (iterates_as_builtin(other, T_dict)) {
    std::int64_t pos = 0, size = dict_length(other);
    Value k, v;
    while (dict_next(other, pos, k, v)) {
      const DictStorage* s = rd<DictStorage>(rd<DictObject>(other)->storage);
      std::int64_t h = s->entries[pos - 1].hash;
      if (!dict_set_hashed(t, dict, k, h, v)) return false;
      // A key's __eq__ may have changed `other` under the walk.
      if (dict_length(other) != size) {
        raise(t, exc(E_RuntimeError), "dict mutated during update");
        return false;
      }
    }
    return true;
  }
  Value keys = getattr_opt(t, other, name(N_keys));
  if (t.pending) return false;
  if (keys) {
    Value ks = call0(t, keys);
    if (!ks) return false;
    Value it = iter(t, ks);
    if (!it) return false;
    for (;;) {
      Value k = next(t, it);
      if (!k) return !t.pending;
      Value v = getitem(t, other, k);
      if (!v || !dict_set(t, dict, k, v)) return false;
    }
  }
  Value it = iter(t, other);
  if (!it) return false;
  for (std::int64_t n = 0;; ++n) {
    Value pair = next(t, it);
    if (!pair) return !t.pending;
    Value items = tuple_of(t, pair);
    if (!items) {
      if (matches(t, exc(E_TypeError))) {
        clear_pending(t);
        raisef(t, exc(E_TypeError),
               "cannot convert dictionary update sequence element #%lld to a sequence",
               static_cast<long long>(n));
      }
      return false;
    }
    if (tuple_length(items) != 2) {
      raisef(t, exc(E_ValueError),
             "dictionary update sequence element #%lld has length %lld; 2 is required",
             static_cast<long long>(n), static_cast<long long>(tuple_length(items)));
      return false;
    }
    if (!dict_set(t, dict, tuple_item(items, 0), tuple_item(items, 1))) return false;
  }
}

} // namespace interp
