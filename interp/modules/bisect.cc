// interp/modules/bisect.cc - _bisect: binary search and insertion in sorted sequences, what
// the bisect module takes in place of its pure-Python functions when the module exists.
#include "interp/interp.h"
#include "interp/modules/module_support.h"
#include "interp/modules/modules.h"
#include "interp/objects/args.h"
#include "interp/ops.h"

namespace interp {
namespace {

// The insertion point of x in a[lo:hi] (right: after equal items; left: before them), the
// items compared through key when there is one. -1 with an exception.
std::int64_t search(Thread& t, Value a, Value x, std::int64_t lo, std::int64_t hi, Value key,
                    bool right) {
  while (lo < hi) {
    std::int64_t mid = lo + (hi - lo) / 2;
    Value index = int_from_i64(t, mid); // up to sys.maxsize, beyond the tagged ints
    Value item = index ? getitem(t, a, index) : Value();
    if (item && key) item = call1(t, key, item);
    if (!item) return -1;
    int below = right ? less_than(t, x, item) : less_than(t, item, x);
    if (below < 0) return -1;
    if (right == bool(below))
      hi = mid;
    else
      lo = mid + 1;
  }
  return lo;
}

// The arguments of every function here: a, x, lo=0, hi=None, *, key=None.
struct Call {
  Value a, x, key;
  std::int64_t lo = 0, hi = 0;
};

bool parse(Thread& t, const char* fname, const Value* args, std::size_t nargs, Value kwnames,
           Call& call) {
  Value v[5];
  if (!parse_arguments(t, fname, args, nargs, kwnames, {"a", "x", "lo", "hi", "key"}, 0, 2, v, 1))
    return false;
  call.a = v[0];
  call.x = v[1];
  call.key = v[4] && v[4] != none() ? v[4] : Value();
  if (v[2] && !index_to_i64(t, v[2], call.lo)) return false;
  if (call.lo < 0) {
    raise(t, exc(E_ValueError), "lo must be non-negative");
    return false;
  }
  if (v[3] && v[3] != none()) return index_to_i64(t, v[3], call.hi);
  return length(t, call.a, call.hi);
}

Value bisect(Thread& t, const char* fname, const Value* args, std::size_t nargs, Value kwnames,
             bool right) {
  Call c;
  if (!parse(t, fname, args, nargs, kwnames, c)) return {};
  std::int64_t at = search(t, c.a, c.x, c.lo, c.hi, c.key, right);
  return at < 0 ? Value() : int_from_i64(t, at);
}

// insort: x goes where bisect puts key(x) (x itself without a key).
Value insort(Thread& t, const char* fname, const Value* args, std::size_t nargs, Value kwnames,
             bool right) {
  Call c;
  if (!parse(t, fname, args, nargs, kwnames, c)) return {};
  Value probe = c.key ? call1(t, c.key, c.x) : c.x;
  if (!probe) return {};
  std::int64_t at = search(t, c.a, probe, c.lo, c.hi, c.key, right);
  if (at < 0) return {};
  if (is_exact(c.a, T_list)) return list_insert_at(t, c.a, at, c.x) ? none() : Value();
  Value insert = getattr(t, c.a, str_from_ascii(t, "insert"));
  if (!insert) return {};
  Value call_args[2] = {int_from_i64(t, at), c.x};
  return call(t, insert, call_args, 2) ? none() : Value();
}

INTERP_NATIVE(bisect_right) {
  return bisect(t, "bisect_right", args, nargs, kwnames, true);
}
INTERP_NATIVE(bisect_left) {
  return bisect(t, "bisect_left", args, nargs, kwnames, false);
}
INTERP_NATIVE(insort_right) {
  return insort(t, "insort_right", args, nargs, kwnames, true);
}
INTERP_NATIVE(insort_left) {
  return insort(t, "insort_left", args, nargs, kwnames, false);
}

} // namespace

Value make_bisect_module(Thread& t) {
  static const ModuleFunction kFunctions[] = {{"bisect_right", bisect_right},
                                              {"bisect_left", bisect_left},
                                              {"insort_right", insort_right},
                                              {"insort_left", insort_left}};
  return new_module(t, "_bisect", kFunctions, 4);
}

} // namespace interp
