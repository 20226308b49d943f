// interp/modules/partial.cc - _functools.partial, the native class functools.py takes in
// place of its own: a callable holding a function with some of its arguments, which it
// adds in front of those of each call. Nested partials are flattened when made, so a call
// costs one more native call however the partial was built.
#include "interp/modules/module_support.h"
#include "interp/modules/modules.h"
#include "interp/objects/repr_guard.h"
#include "interp/ops.h"

#include <array>
#include <string>
#include <vector>

namespace interp {

namespace {

struct PartialObject : Object {
  Value func;
  Value args;     // tuple
  Value keywords; // dict (the very one `keywords` shows, which callers may change)
};

INTERP_NATIVE(partial_call);

// Whether `v` is a partial (or an instance of a class derived from it): its builtin base
// is the class whose __call__ is this file's.
bool is_partial(Value v) {
  if (!v.is_object() || layout_of(v) != Layout::Instance) return false;
  Value call = type_lookup(solid_base(type_of(v)), name(N___call__));
  const NativeInfo* info = call ? native_info(call) : nullptr;
  return info && info->fn == partial_call;
}

// The arguments of a call, on the stack (where the collector sees them) when few.
class CallArguments {
public:
  explicit CallArguments(std::size_t n) : n_(n) {
    if (n > small_.size()) large_.resize(n);
  }
  Value* data() { return n_ > small_.size() ? large_.data() : small_.data(); }
  std::size_t size() const { return n_; }

private:
  std::array<Value, 12> small_{};
  std::vector<Value> large_;
  std::size_t n_;
};

// partial(func, /, *args, **keywords)
INTERP_NATIVE(partial_new) {
  Value cls = args[0];
  std::size_t nkw = keyword_count(kwnames);
  std::size_t npos = nargs - nkw;
  if (npos < 2) return raise(t, exc(E_TypeError), "type 'partial' takes at least one argument");
  Value func = args[1];
  Value inner_args = runtime().empty_tuple, inner_keywords;
  // A partial of a partial holds the inner one's function and arguments, unless the inner
  // one has attributes of its own, which the flat one would lose.
  if (is_partial(func) && !rd<Object>(func)->dict) {
    const PartialObject* inner = rd<PartialObject>(func);
    inner_args = inner->args;
    inner_keywords = inner->keywords;
    func = inner->func;
  }
  if (!is_callable(func)) return raise(t, exc(E_TypeError), "the first argument must be callable");
  std::size_t ninner = std::size_t(tuple_length(inner_args));
  Value stored = tuple_new(t, ninner + npos - 2);
  if (!stored) return {};
  for (std::size_t i = 0; i < ninner; ++i)
    tuple_init(stored, i, tuple_item(inner_args, std::int64_t(i)));
  for (std::size_t i = 2; i < npos; ++i)
    tuple_init(stored, ninner + i - 2, args[i]);
  Value keywords = inner_keywords ? dict_copy(t, inner_keywords) : dict_new(t);
  if (!keywords) return {};
  for (std::size_t i = 0; i < nkw; ++i)
    if (!dict_set(t, keywords, tuple_item(kwnames, std::int64_t(i)), args[npos + i])) return {};
  Value p = allocate(t, Layout::Instance, cls, sizeof(PartialObject));
  if (!p) return {};
  PartialObject* o = fresh<PartialObject>(p);
  o->func = func;
  o->args = stored;
  o->keywords = keywords;
  return p;
}

// The stored keywords first, in their order, each replaced by the call's value of the same
// name; then the call's other keywords: what {**keywords, **call_keywords} orders.
Value call_with_keywords(Thread& t, Value func, Value stored, Value keywords, const Value* given,
                         std::size_t ngiven, Value kwnames) {
  std::size_t nkw = keyword_count(kwnames), npos = ngiven - nkw;
  std::size_t nstored = std::size_t(tuple_length(stored));
  std::size_t nkept = std::size_t(dict_length(keywords));
  CallArguments all(nstored + npos + nkept + nkw);
  Value* out = all.data();
  for (std::size_t i = 0; i < nstored; ++i)
    out[i] = tuple_item(stored, std::int64_t(i));
  for (std::size_t i = 0; i < npos; ++i)
    out[nstored + i] = given[i];
  // Names are strs the partial's dict and the call keep alive; a heap vector may hold them.
  std::vector<Value> names(nkept + nkw);
  std::vector<bool> taken(nkw);
  std::size_t at = 0;
  std::int64_t pos = 0;
  Value k, v;
  while (dict_next(keywords, pos, k, v)) {
    if (!str_check(k)) return raise(t, exc(E_TypeError), "keywords must be strings");
    for (std::size_t j = 0; j < nkw; ++j)
      if (!taken[j] && str_equal(k, tuple_item(kwnames, std::int64_t(j)))) {
        v = given[npos + j];
        taken[j] = true;
        break;
      }
    names[at] = k;
    out[nstored + npos + at++] = v;
  }
  for (std::size_t j = 0; j < nkw; ++j)
    if (!taken[j]) {
      names[at] = tuple_item(kwnames, std::int64_t(j));
      out[nstored + npos + at++] = given[npos + j];
    }
  Value merged = tuple_from(t, names.data(), at);
  if (!merged) return {};
  Value r = call(t, func, out, nstored + npos + at, merged);
  // The stored values copied out stay referenced while the callee runs, whatever it does
  // to the partial.
  keep_alive(stored);
  keep_alive(keywords);
  keep_alive(merged);
  return r;
}

INTERP_NATIVE(partial_call) {
  const PartialObject* p = rd<PartialObject>(args[0]);
  Value func = p->func, stored = p->args, keywords = p->keywords;
  if (dict_length(keywords) != 0)
    return call_with_keywords(t, func, stored, keywords, args + 1, nargs - 1, kwnames);
  std::size_t nstored = std::size_t(tuple_length(stored));
  if (nstored == 0) return call(t, func, args + 1, nargs - 1, kwnames);
  CallArguments all(nstored + nargs - 1);
  Value* out = all.data();
  for (std::size_t i = 0; i < nstored; ++i)
    out[i] = tuple_item(stored, std::int64_t(i));
  for (std::size_t i = 1; i < nargs; ++i)
    out[nstored + i - 1] = args[i];
  Value r = call(t, func, out, all.size(), kwnames);
  keep_alive(stored);
  return r;
}

INTERP_NATIVE(partial_repr) {
  Value self = args[0];
  Value cls = type_of(self);
  // CPython's tp_name: the module's name in front for partial itself, not for a subclass.
  std::string text = display_name(cls);
  ReprGuard guard(self);
  if (guard.recursive()) return str_from_utf8(t, "...");
  const PartialObject* p = rd<PartialObject>(self);
  Value func = p->func, stored = p->args, keywords = p->keywords;
  Value r = repr(t, func);
  if (!r) return {};
  text += "(" + str_utf8(r);
  for (std::int64_t i = 0; i < tuple_length(stored); ++i) {
    r = repr(t, tuple_item(stored, i));
    if (!r) return {};
    text += ", " + str_utf8(r);
  }
  std::int64_t pos = 0;
  Value k, v;
  while (dict_next(keywords, pos, k, v)) {
    Value key = str(t, k);
    r = key ? repr(t, v) : Value();
    if (!r) return {};
    text += ", " + str_utf8(key) + "=" + str_utf8(r);
  }
  keep_alive(stored);
  keep_alive(keywords);
  return str_from_utf8(t, text + ")");
}

// (type(p), (func,), (func, args, keywords, __dict__ or None)): pickle and copy make the
// partial from its function alone, then give it the rest through __setstate__.
INTERP_NATIVE(partial_reduce) {
  const PartialObject* p = rd<PartialObject>(args[0]);
  Value func = p->func;
  Value own = rd<Object>(args[0])->dict;
  Value state_items[4] = {func, p->args, p->keywords, own ? own : none()};
  Value made_from = tuple_from(t, &func, 1);
  Value state = made_from ? tuple_from(t, state_items, 4) : Value();
  if (!state) return {};
  Value parts[3] = {type_of(args[0]), made_from, state};
  return tuple_from(t, parts, 3);
}

INTERP_NATIVE(partial_setstate) {
  Value self = args[0], state = args[1];
  auto invalid = [&] { return raise(t, exc(E_TypeError), "invalid partial state"); };
  if (!isinstance(state, T_tuple) || tuple_length(state) != 4) return invalid();
  Value func = tuple_item(state, 0), stored = tuple_item(state, 1);
  Value keywords = tuple_item(state, 2), own = tuple_item(state, 3);
  if (!is_callable(func) || !isinstance(stored, T_tuple) ||
      (keywords != none() && !dict_check(keywords)))
    return invalid();
  // CPython takes any object for the instance dict; here it must be a dict or None, as
  // everything else that reads __dict__ expects one.
  if (own != none() && !dict_check(own)) return invalid();
  if (!is_exact(stored, T_tuple)) {
    stored = tuple_of(t, stored);
    if (!stored) return {};
  }
  if (keywords == none()) {
    keywords = dict_new(t);
  } else if (!is_exact(keywords, T_dict)) {
    keywords = dict_copy(t, keywords);
  }
  if (!keywords) return {};
  PartialObject* o = wr<PartialObject>(self);
  o->func = func;
  o->args = stored;
  o->keywords = keywords;
  o->dict = own == none() ? Value() : own;
  return none();
}

INTERP_NATIVE(partial_member) {
  const PartialObject* p = rd<PartialObject>(args[0]);
  Value attr = args[1];
  if (str_equal_ascii(attr, "func")) return p->func;
  if (str_equal_ascii(attr, "args")) return p->args;
  return p->keywords;
}

INTERP_NATIVE(partial_dict_get) {
  Value own = rd<Object>(args[0])->dict;
  if (own) return own;
  own = dict_new(t);
  if (own) wr<Object>(args[0])->dict = own;
  return own;
}

// Called with (obj, name, value) to set, (obj, name) to delete.
INTERP_NATIVE(partial_dict_set) {
  if (nargs < 3 || !args[2]) return raise(t, exc(E_TypeError), "cannot delete __dict__");
  if (!dict_check(args[2]))
    return raisef(t, exc(E_TypeError), "__dict__ must be set to a dictionary, not a '%s'",
                  type_name_of(args[2]).c_str());
  wr<Object>(args[0])->dict = args[2];
  return none();
}

INTERP_NATIVE(partial_class_getitem) {
  return generic_alias_new(t, args[0], args[1]);
}

} // namespace

bool add_partial_type(Thread& t, Value module) {
  Value type = new_type(t, "partial", "functools", Layout::Instance);
  if (!type) return false;
  wr<TypeObject>(type)->flags &= ~std::uint64_t(kNoInstanceDict);
  make_weakrefable(type);
  add_staticmethod(t, type, "__new__", partial_new);
  add_method(t, type, "__call__", partial_call);
  add_method(t, type, "__repr__", partial_repr, MethodArgs::none);
  add_method(t, type, "__reduce__", partial_reduce, MethodArgs::none);
  add_method(t, type, "__setstate__", partial_setstate, MethodArgs::one);
  add_classmethod(t, type, "__class_getitem__", partial_class_getitem);
  add_named_members(t, type, {"func", "args", "keywords"}, partial_member);
  add_named_getters(t, type, {"__dict__"}, partial_dict_get, partial_dict_set);
  add_attribute(
      t, type, "__doc__",
      intern_literal(t, "partial(func, *args, **keywords)\n\nA callable that calls func with "
                        "these arguments in front of\nthe ones it is given, and "
                        "these keywords updated by its own."));
  update_type_flags(type);
  module_set(t, module, "partial", type);
  return !t.pending;
}

} // namespace interp
