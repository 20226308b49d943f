// interp/objects/str_methods.cc - the methods of str, over interp/text's algorithms.
//
// Every method works on the code points of the str (a u32string view); an ASCII-only
// fast path is a later optimization that changes no result.
#include "interp/objects/args.h"
#include "interp/objects/iterators.h"
#include "interp/objects/objects.h"
#include "interp/objects/sequence.h"
#include "interp/ops.h"

#include "interp/num/format_spec.h"
#include "interp/num/format_value.h"
#include "interp/text/case_mapping.h"
#include "interp/text/codecs.h"
#include "interp/text/identifiers.h"
#include "interp/text/str_layout.h"
#include "interp/text/str_predicates.h"
#include "interp/text/str_replace.h"
#include "interp/text/str_repr.h"
#include "interp/text/str_search.h"
#include "interp/text/str_split.h"
#include "interp/text/str_strip.h"

#include <cstdio>

namespace interp {

// bytes.cc and str_format.cc.
Value raise_codec_error(Thread& t, const text::CodecError& e, Value object);
Value codec_fallback(Thread& t, const text::CodecError& e, bool encoding_text, Value object,
                     std::string_view encoding, std::string_view errors);
void init_str_format(Thread& t);

// ascii(v): repr(v) with every non-ASCII character escaped (the repr already quotes).
Value ascii(Thread& t, Value v) {
  Value r = repr(t, v);
  if (!r) return {};
  std::u32string cps = str_code_points(r);
  std::string out;
  out.reserve(cps.size());
  char buf[16];
  for (char32_t c : cps) {
    if (c < 0x80) {
      out.push_back(char(c));
      continue;
    }
    if (c < 0x100)
      std::snprintf(buf, sizeof buf, "\\x%02x", unsigned(c));
    else if (c < 0x10000)
      std::snprintf(buf, sizeof buf, "\\u%04x", unsigned(c));
    else
      std::snprintf(buf, sizeof buf, "\\U%08x", unsigned(c));
    out += buf;
  }
  return str_from_ascii(t, out);
}

namespace {

using U32 = std::u32string;
using View = std::u32string_view;

Value make(Thread& t, View v) {
  return str_from_code_points(t, v);
}

bool need_str(Thread& t, Value v, const char* what) {
  if (str_check(v)) return true;
  raisef(t, exc(E_TypeError), "%s", what);
  return false;
}

INTERP_NATIVE(str_repr_method) {
  U32 cps = str_code_points(args[0]);
  return make(t, text::str_repr<char32_t>(cps));
}

INTERP_NATIVE(str_str) {
  if (is_exact(args[0], T_str)) return args[0];
  return make(t, str_code_points(args[0]));
}

INTERP_NATIVE(str_hash_method) {
  return int_from_i64(t, str_hash(args[0]));
}

INTERP_NATIVE(str_len) {
  return Value::small_int(str_length(args[0]));
}

Value str_compare(Thread& t, const Value* args, bytecode::CompareOp op) {
  if (!str_check(args[1])) return runtime().not_implemented;
  int c;
  if (op == bytecode::CompareOp::Eq || op == bytecode::CompareOp::Ne) {
    bool eq = str_equal(args[0], args[1]);
    return py_bool(op == bytecode::CompareOp::Eq ? eq : !eq);
  }
  c = str_order(args[0], args[1]);
  switch (op) {
  case bytecode::CompareOp::Lt:
    return py_bool(c < 0);
  case bytecode::CompareOp::Le:
    return py_bool(c <= 0);
  case bytecode::CompareOp::Gt:
    return py_bool(c > 0);
  default:
    return py_bool(c >= 0);
  }
  (void)t;
}
INTERP_NATIVE(str_eq) {
  return str_compare(t, args, bytecode::CompareOp::Eq);
}
INTERP_NATIVE(str_ne) {
  return str_compare(t, args, bytecode::CompareOp::Ne);
}
INTERP_NATIVE(str_lt) {
  return str_compare(t, args, bytecode::CompareOp::Lt);
}
INTERP_NATIVE(str_le) {
  return str_compare(t, args, bytecode::CompareOp::Le);
}
INTERP_NATIVE(str_gt) {
  return str_compare(t, args, bytecode::CompareOp::Gt);
}
INTERP_NATIVE(str_ge) {
  return str_compare(t, args, bytecode::CompareOp::Ge);
}

INTERP_NATIVE(str_getitem) {
  Value self = args[0];
  std::int64_t n = str_length(self);
  if (args[1].is_object() && is_layout(args[1], Layout::Slice)) {
    std::int64_t start, stop, step, count;
    if (!slice_indices(t, args[1], n, start, stop, step, count)) return {};
    U32 out;
    out.reserve(std::size_t(count));
    for (std::int64_t i = 0; i < count; ++i)
      out.push_back(str_at(self, start + i * step));
    return make(t, out);
  }
  std::int64_t i;
  // str's message, unlike the other sequences', leaves slices out and quotes the type.
  if (!args[1].is_small_int() && !int_check(args[1]) && !lookup_special(t, args[1], N___index__)) {
    if (t.pending) return {};
    return raisef(t, exc(E_TypeError), "string indices must be integers, not '%s'",
                  type_name_of(args[1]).c_str());
  }
  if (!sequence_index(t, args[1], n, i, "string")) return {};
  return str_from_code_point(t, str_at(self, i));
}

INTERP_NATIVE(str_add) {
  if (!str_check(args[1])) return runtime().not_implemented;
  return str_concat(t, args[0], args[1]);
}

INTERP_NATIVE(str_mul) {
  std::int64_t times;
  if (!repeat_count(t, args[1], times)) return {};
  if (times <= 0) return runtime().empty_str;
  // Immutable, so one copy is the str itself (not so for a subclass's instance).
  if (times == 1 && is_exact(args[0], T_str)) return args[0];
  U32 one = str_code_points(args[0]);
  // A length past what a size can count is an OverflowError, a merely huge one MemoryError.
  if (one.size() && std::uint64_t(times) > std::uint64_t(INT64_MAX) / one.size())
    return raise(t, exc(E_OverflowError), "repeated string is too long");
  if (one.size() && std::uint64_t(times) > (std::uint64_t(1) << 34) / one.size())
    return raise_memory_error(t);
  U32 out;
  out.reserve(one.size() * std::size_t(times));
  for (std::int64_t k = 0; k < times; ++k)
    out += one;
  return make(t, out);
}

INTERP_NATIVE(str_contains) {
  if (!str_check(args[1]))
    return raisef(t, exc(E_TypeError), "'in <string>' requires string as left operand, not %s",
                  type_name_of(args[1]).c_str());
  U32 h = str_code_points(args[0]), n = str_code_points(args[1]);
  return py_bool(h.find(n) != U32::npos);
}

INTERP_NATIVE(str_iter) {
  return iterator_new(t, T_str_iterator, args[0]);
}

INTERP_NATIVE(str_format_method_spec) {
  if (!check_positional(t, "__format__", nargs, kwnames, 1, 1)) return {};
  if (!str_check(args[1]))
    return raisef(t, exc(E_TypeError), "__format__() argument must be str, not %s",
                  type_name_of(args[1]).c_str());
  std::string spec_text = str_utf8(args[1]);
  // An empty spec gives str(self), which a subclass may have overridden.
  if (spec_text.empty()) return str(t, args[0]);
  auto spec = num::parse_format_spec(spec_text, {"str", 's', '<'});
  if (!spec) return raise(t, exc(E_ValueError), spec.error().message);
  auto r = num::format_string(str_utf8(args[0]), *spec, "str");
  if (!r) return raise(t, exc(E_ValueError), r.error().message);
  return str_from_utf8(t, *r);
}

INTERP_NATIVE(str_join) {
  if (!check_positional(t, "join", nargs, kwnames, 1, 1)) return {};
  Value items = list_of(t, args[1]);
  if (!items) return {};
  std::int64_t n = list_length(items);
  std::vector<Value> pieces(static_cast<std::size_t>(n));
  for (std::int64_t i = 0; i < n; ++i) {
    Value s = list_item(items, i);
    if (!str_check(s))
      return raisef(t, exc(E_TypeError), "sequence item %lld: expected str instance, %s found",
                    (long long)i, type_name_of(s).c_str());
    pieces[std::size_t(i)] = s;
  }
  // A lone exact str is its own join, as in CPython.
  if (n == 1 && is_exact(pieces[0], T_str)) return pieces[0];
  // `pieces` holds copies only: the list keeps the strs alive, so it stays in use (and in
  // a register or on the stack the collector scans) until the join is made.
  Value joined = str_join_values(t, args[0], pieces.data(), pieces.size());
  if (list_length(items) < 0) return {};
  return joined;
}

Value pieces_to_list(Thread& t, const std::vector<View>& pieces) {
  Value list = list_new(t);
  if (!list) return {};
  for (View p : pieces) {
    Value s = make(t, p);
    if (!s || !list_append(t, list, s)) return {};
  }
  return list;
}

Value split_impl(Thread& t, const Value* args, std::size_t nargs, Value kwnames, bool right) {
  Value a[2];
  if (!parse_arguments(t, right ? "rsplit" : "split", args + 1, nargs - 1, kwnames,
                       {"sep", "maxsplit"}, 0, 0, a))
    return {};
  Value sep = a[0], maxv = a[1];
  std::int64_t maxsplit = -1;
  if (maxv && !index_to_i64(t, maxv, maxsplit)) return {};
  U32 s = str_code_points(args[0]);
  if (!sep || sep == none()) {
    auto pieces = right ? text::str_rsplit_whitespace<char32_t>(s, maxsplit, text::Flavor::str)
                        : text::str_split_whitespace<char32_t>(s, maxsplit, text::Flavor::str);
    return pieces_to_list(t, pieces);
  }
  if (!str_check(sep))
    return raisef(t, exc(E_TypeError), "must be str or None, not %s", type_name_of(sep).c_str());
  U32 sp = str_code_points(sep);
  auto r = right ? text::str_rsplit<char32_t>(s, sp, maxsplit)
                 : text::str_split<char32_t>(s, sp, maxsplit);
  if (!r.ok()) return raise(t, exc(E_ValueError), r.error().message);
  return pieces_to_list(t, r.value());
}

INTERP_NATIVE(str_split_method) {
  return split_impl(t, args, nargs, kwnames, false);
}
INTERP_NATIVE(str_rsplit_method) {
  return split_impl(t, args, nargs, kwnames, true);
}

INTERP_NATIVE(str_splitlines_method) {
  Value keep;
  if (!parse_arguments(t, "splitlines", args + 1, nargs - 1, kwnames, {"keepends"}, 0, 0, &keep))
    return {};
  int keepends = keep ? truthy(t, keep) : 0;
  if (keepends < 0) return {};
  U32 s = str_code_points(args[0]);
  return pieces_to_list(t, text::str_splitlines<char32_t>(s, keepends, text::Flavor::str));
}

Value strip_impl(Thread& t, const Value* args, std::size_t nargs, Value kwnames,
                 text::StripSide side, const char* what) {
  if (!check_positional(t, what, nargs, kwnames, 0, 1)) return {};
  U32 s = str_code_points(args[0]);
  std::optional<View> chars;
  U32 chars_text;
  if (nargs > 1 && args[1] != none()) {
    if (!str_check(args[1])) return raisef(t, exc(E_TypeError), "%s arg must be None or str", what);
    chars_text = str_code_points(args[1]);
    chars = chars_text;
  }
  return make(t, text::str_strip<char32_t>(s, chars, side, text::Flavor::str));
}

INTERP_NATIVE(str_strip_method) {
  return strip_impl(t, args, nargs, kwnames, text::StripSide::both, "strip");
}
INTERP_NATIVE(str_lstrip_method) {
  return strip_impl(t, args, nargs, kwnames, text::StripSide::left, "lstrip");
}
INTERP_NATIVE(str_rstrip_method) {
  return strip_impl(t, args, nargs, kwnames, text::StripSide::right, "rstrip");
}

#define CASE_METHOD(fn_name, algo)                                                                 \
  INTERP_NATIVE(fn_name) {                                                                         \
    if (!check_positional(t, #algo, nargs, kwnames, 0, 0)) return {};                              \
    U32 s = str_code_points(args[0]);                                                              \
    return make(t, text::str_##algo<char32_t>(s));                                                 \
  }
CASE_METHOD(str_lower_method, lower)
CASE_METHOD(str_upper_method, upper)
CASE_METHOD(str_casefold_method, casefold)
CASE_METHOD(str_title_method, title)
CASE_METHOD(str_capitalize_method, capitalize)
CASE_METHOD(str_swapcase_method, swapcase)

#define PREDICATE(fn_name, algo, ...)                                                              \
  INTERP_NATIVE(fn_name) {                                                                         \
    U32 s = str_code_points(args[0]);                                                              \
    return py_bool(text::str_##algo<char32_t>(s __VA_OPT__(, ) __VA_ARGS__));                      \
  }
PREDICATE(str_isalpha_method, isalpha, text::Flavor::str)
PREDICATE(str_isalnum_method, isalnum, text::Flavor::str)
PREDICATE(str_isdigit_method, isdigit, text::Flavor::str)
PREDICATE(str_isspace_method, isspace, text::Flavor::str)
PREDICATE(str_islower_method, islower, text::Flavor::str)
PREDICATE(str_isupper_method, isupper, text::Flavor::str)
PREDICATE(str_istitle_method, istitle, text::Flavor::str)
PREDICATE(str_isdecimal_method, isdecimal)
PREDICATE(str_isnumeric_method, isnumeric)
PREDICATE(str_isascii_method, isascii)
PREDICATE(str_isprintable_method, isprintable)

INTERP_NATIVE(str_isidentifier_method) {
  U32 s = str_code_points(args[0]);
  if (s.empty()) return runtime().false_;
  return py_bool(text::is_identifier<char32_t>(s));
}

bool bounds(Thread& t, const Value* args, std::size_t nargs, std::size_t first, std::int64_t n,
            std::int64_t& start, std::int64_t& end) {
  start = 0;
  end = n;
  if (nargs > first && args[first] != none()) {
    if (!index_to_i64(t, args[first], start, true)) return false;
    if (start < 0) start = std::max<std::int64_t>(0, start + n);
  }
  if (nargs > first + 1 && args[first + 1] != none()) {
    if (!index_to_i64(t, args[first + 1], end, true)) return false;
    if (end < 0) end = std::max<std::int64_t>(0, end + n);
    if (end > n) end = n;
  }
  return true;
}

Value find_impl(Thread& t, const Value* args, std::size_t nargs, Value kwnames, bool right,
                bool raise_missing, const char* what) {
  if (!check_argument_count(t, what, nargs, kwnames, 1, 3)) return {};
  if (!str_check(args[1]))
    return raisef(t, exc(E_TypeError), "must be str, not %s", type_name_of(args[1]).c_str());
  U32 s = str_code_points(args[0]), needle = str_code_points(args[1]);
  std::int64_t start, end;
  if (!bounds(t, args, nargs, 2, std::int64_t(s.size()), start, end)) return {};
  std::int64_t r = right ? text::str_rfind<char32_t>(s, needle, start, end)
                         : text::str_find<char32_t>(s, needle, start, end);
  if (r < 0 && raise_missing) return raise(t, exc(E_ValueError), "substring not found");
  return Value::small_int(r);
}

INTERP_NATIVE(str_find_method) {
  return find_impl(t, args, nargs, kwnames, false, false, "find");
}
INTERP_NATIVE(str_rfind_method) {
  return find_impl(t, args, nargs, kwnames, true, false, "rfind");
}
INTERP_NATIVE(str_index_method) {
  return find_impl(t, args, nargs, kwnames, false, true, "index");
}
INTERP_NATIVE(str_rindex_method) {
  return find_impl(t, args, nargs, kwnames, true, true, "rindex");
}

INTERP_NATIVE(str_count_method) {
  if (!check_argument_count(t, "count", nargs, kwnames, 1, 3)) return {};
  if (!str_check(args[1]))
    return raisef(t, exc(E_TypeError), "must be str, not %s", type_name_of(args[1]).c_str());
  U32 s = str_code_points(args[0]), needle = str_code_points(args[1]);
  std::int64_t start, end;
  if (!bounds(t, args, nargs, 2, std::int64_t(s.size()), start, end)) return {};
  return Value::small_int(text::str_count<char32_t>(s, needle, start, end, -1));
}

Value affix_impl(Thread& t, const Value* args, std::size_t nargs, Value kwnames, bool ends,
                 const char* what) {
  if (!check_argument_count(t, what, nargs, kwnames, 1, 3)) return {};
  U32 s = str_code_points(args[0]);
  std::int64_t start, end;
  if (!bounds(t, args, nargs, 2, std::int64_t(s.size()), start, end)) return {};
  auto test = [&](Value affix) {
    U32 a = str_code_points(affix);
    return ends ? text::str_endswith<char32_t>(s, a, start, end)
                : text::str_startswith<char32_t>(s, a, start, end);
  };
  if (args[1].is_object() && isinstance(args[1], T_tuple)) {
    for (std::int64_t i = 0; i < tuple_length(args[1]); ++i) {
      Value a = tuple_item(args[1], i);
      if (!str_check(a))
        return raisef(t, exc(E_TypeError), "tuple for %s must only contain str, not %s", what,
                      type_name_of(a).c_str());
      if (test(a)) return runtime().true_;
    }
    return runtime().false_;
  }
  if (!str_check(args[1]))
    return raisef(t, exc(E_TypeError), "%s first arg must be str or a tuple of str, not %s", what,
                  type_name_of(args[1]).c_str());
  return py_bool(test(args[1]));
}

INTERP_NATIVE(str_startswith_method) {
  return affix_impl(t, args, nargs, kwnames, false, "startswith");
}
INTERP_NATIVE(str_endswith_method) {
  return affix_impl(t, args, nargs, kwnames, true, "endswith");
}

INTERP_NATIVE(str_replace_method) {
  if (!check_positional(t, "replace", nargs, kwnames, 2, 3)) return {};
  if (!need_str(t, args[1], "replace() argument 1 must be str") ||
      !need_str(t, args[2], "replace() argument 2 must be str"))
    return {};
  std::int64_t count = -1;
  if (nargs > 3 && !index_to_i64(t, args[3], count)) return {};
  U32 s = str_code_points(args[0]), a = str_code_points(args[1]), b = str_code_points(args[2]);
  return make(t, text::str_replace<char32_t>(s, a, b, count));
}

Value pad_impl(Thread& t, const Value* args, std::size_t nargs, Value kwnames, int which,
               const char* what) {
  if (!check_positional(t, what, nargs, kwnames, 1, 2)) return {};
  std::int64_t width;
  if (!index_to_i64(t, args[1], width)) return {};
  char32_t fill = ' ';
  if (nargs > 2) {
    if (!str_check(args[2]) || str_length(args[2]) != 1)
      return raise(t, exc(E_TypeError), "The fill character must be exactly one character long");
    fill = str_at(args[2], 0);
  }
  U32 s = str_code_points(args[0]);
  U32 out = which == 0   ? text::str_center<char32_t>(s, width, fill)
            : which == 1 ? text::str_ljust<char32_t>(s, width, fill)
                         : text::str_rjust<char32_t>(s, width, fill);
  return make(t, out);
}

INTERP_NATIVE(str_center_method) {
  return pad_impl(t, args, nargs, kwnames, 0, "center");
}
INTERP_NATIVE(str_ljust_method) {
  return pad_impl(t, args, nargs, kwnames, 1, "ljust");
}
INTERP_NATIVE(str_rjust_method) {
  return pad_impl(t, args, nargs, kwnames, 2, "rjust");
}

INTERP_NATIVE(str_zfill_method) {
  if (!check_positional(t, "zfill", nargs, kwnames, 1, 1)) return {};
  std::int64_t width;
  if (!index_to_i64(t, args[1], width)) return {};
  U32 s = str_code_points(args[0]);
  return make(t, text::str_zfill<char32_t>(s, width));
}

INTERP_NATIVE(str_partition_method) {
  if (!check_positional(t, "partition", nargs, kwnames, 1, 1)) return {};
  if (!need_str(t, args[1], "must be str")) return {};
  U32 s = str_code_points(args[0]), sep = str_code_points(args[1]);
  auto r = text::str_partition<char32_t>(s, sep);
  if (!r.ok()) return raise(t, exc(E_ValueError), r.error().message);
  Value items[3] = {make(t, r.value()[0]), make(t, r.value()[1]), make(t, r.value()[2])};
  return tuple_from(t, items, 3);
}

INTERP_NATIVE(str_rpartition_method) {
  if (!check_positional(t, "rpartition", nargs, kwnames, 1, 1)) return {};
  if (!need_str(t, args[1], "must be str")) return {};
  U32 s = str_code_points(args[0]), sep = str_code_points(args[1]);
  auto r = text::str_rpartition<char32_t>(s, sep);
  if (!r.ok()) return raise(t, exc(E_ValueError), r.error().message);
  Value items[3] = {make(t, r.value()[0]), make(t, r.value()[1]), make(t, r.value()[2])};
  return tuple_from(t, items, 3);
}

INTERP_NATIVE(str_encode_method) {
  Value a[2];
  if (!parse_arguments(t, "encode", args + 1, nargs - 1, kwnames, {"encoding", "errors"}, 0, 0, a))
    return {};
  Value enc = a[0], err = a[1];
  if (enc && !str_check(enc))
    return raisef(t, exc(E_TypeError), "encode() argument 'encoding' must be str, not %s",
                  type_name_of(enc).c_str());
  if (err && !str_check(err))
    return raisef(t, exc(E_TypeError), "encode() argument 'errors' must be str, not %s",
                  type_name_of(err).c_str());
  U32 cps = str_code_points(args[0]);
  std::string encoding = enc ? str_utf8(enc) : "utf-8", errors = err ? str_utf8(err) : "strict";
  auto r = text::encode<char32_t>(cps, encoding, errors);
  if (!r.ok()) return codec_fallback(t, r.error(), true, args[0], encoding, errors);
  return bytes_new(t, r.value());
}

} // namespace

bool str_to_os_bytes(Thread& t, Value s, std::string& out) {
  if (ro<StrObject>(s)->kind == 1) {
    out.assign(reinterpret_cast<const char*>(ro<StrObject>(s)->data),
               std::size_t(ro<StrObject>(s)->length));
    return true;
  }
  U32 cps = str_code_points(s);
  auto r = text::encode<char32_t>(cps, "utf-8", "surrogateescape");
  if (!r.ok()) return codec_fallback(t, r.error(), true, s, "utf-8", "surrogateescape"), false;
  out = std::move(r.value());
  return true;
}

namespace {

Value affix_remove(Thread& t, const Value* args, std::size_t nargs, Value kwnames, bool suffix) {
  const char* what = suffix ? "removesuffix" : "removeprefix";
  if (!check_positional(t, what, nargs, kwnames, 1, 1)) return {};
  if (!str_check(args[1]))
    return raisef(t, exc(E_TypeError), "%s() argument must be str, not %s", what,
                  type_name_of(args[1]).c_str());
  U32 s = str_code_points(args[0]), a = str_code_points(args[1]);
  if (a.empty() || a.size() > s.size()) return str_str(t, args, 1, {});
  if (suffix ? s.compare(s.size() - a.size(), a.size(), a) == 0 : s.compare(0, a.size(), a) == 0)
    return make(t, suffix ? View(s).substr(0, s.size() - a.size()) : View(s).substr(a.size()));
  return str_str(t, args, 1, {});
}
INTERP_NATIVE(str_removeprefix_method) {
  return affix_remove(t, args, nargs, kwnames, false);
}
INTERP_NATIVE(str_removesuffix_method) {
  return affix_remove(t, args, nargs, kwnames, true);
}

INTERP_NATIVE(str_maketrans_method) {
  if (!check_positional(t, "maketrans", nargs, kwnames, 1, 3, 0)) return {};
  Value table = dict_new(t);
  if (!table) return {};
  if (nargs == 1) {
    if (!dict_check(args[0]))
      return raise(t, exc(E_TypeError),
                   "if you give only one argument to maketrans it must be a dict");
    std::int64_t pos = 0;
    Value k, v;
    while (dict_next(args[0], pos, k, v)) {
      Value key = k;
      if (str_check(k)) {
        if (str_length(k) != 1)
          return raise(t, exc(E_ValueError), "string keys in translate table must be of length 1");
        key = Value::small_int(str_at(k, 0));
      } else if (!int_check(k)) {
        return raise(t, exc(E_TypeError), "keys in translate table must be strings or integers");
      }
      if (!dict_set(t, table, key, v)) return {};
    }
    return table;
  }
  if (!str_check(args[0]))
    return raisef(t, exc(E_TypeError), "maketrans() argument 1 must be str, not %s",
                  type_name_of(args[0]).c_str());
  if (!str_check(args[1]))
    return raisef(t, exc(E_TypeError), "maketrans() argument 2 must be str, not %s",
                  type_name_of(args[1]).c_str());
  if (nargs > 2 && !str_check(args[2]))
    return raisef(t, exc(E_TypeError), "maketrans() argument 3 must be str, not %s",
                  type_name_of(args[2]).c_str());
  U32 x = str_code_points(args[0]), y = str_code_points(args[1]);
  if (x.size() != y.size())
    return raise(t, exc(E_ValueError), "the first two maketrans arguments must have equal length");
  for (std::size_t i = 0; i < x.size(); ++i)
    if (!dict_set(t, table, Value::small_int(x[i]), Value::small_int(y[i]))) return {};
  if (nargs > 2) {
    U32 z = str_code_points(args[2]);
    for (char32_t c : z)
      if (!dict_set(t, table, Value::small_int(c), none())) return {};
  }
  return table;
}

INTERP_NATIVE(str_translate_method) {
  if (!check_positional(t, "translate", nargs, kwnames, 1, 1)) return {};
  U32 s = str_code_points(args[0]), out;
  for (char32_t c : s) {
    Value r = getitem(t, args[1], Value::small_int(c));
    if (!r) {
      if (!matches(t, exc(E_LookupError))) return {};
      clear_pending(t);
      out.push_back(c);
      continue;
    }
    if (r == none()) continue;
    if (str_check(r)) {
      out += str_code_points(r);
    } else if (int_check(r)) {
      std::int64_t v;
      if (!int_to_i64(r, v) || v < 0 || v > 0x10ffff)
        return raise(t, exc(E_ValueError), "character mapping must be in range(0x110000)");
      out.push_back(char32_t(v));
    } else {
      return raise(t, exc(E_TypeError), "character mapping must return integer, None or str");
    }
  }
  return make(t, out);
}

INTERP_NATIVE(str_getnewargs_method) {
  Value copy = make(t, str_code_points(args[0]));
  if (!copy) return {};
  return tuple_from(t, &copy, 1);
}

INTERP_NATIVE(str_new_method) {
  // str() words its keyword error its own way ("'x' is an invalid keyword argument").
  for (std::int64_t i = 0, n = kwnames ? tuple_length(kwnames) : 0; i < n; ++i) {
    Value k = tuple_item(kwnames, i);
    if (!str_equal_ascii(k, "object") && !str_equal_ascii(k, "encoding") &&
        !str_equal_ascii(k, "errors"))
      return raisef(t, exc(E_TypeError), "'%s' is an invalid keyword argument for str()",
                    str_utf8(k).c_str());
  }
  std::size_t npos = nargs - 1 - keyword_count(kwnames);
  Value obj = npos > 0 ? args[1] : keyword_arg(kwnames, args, nargs, "object");
  Value encoding = npos > 1 ? args[2] : keyword_arg(kwnames, args, nargs, "encoding");
  Value errors = npos > 2 ? args[3] : keyword_arg(kwnames, args, nargs, "errors");
  Value result;
  if (!obj) {
    result = runtime().empty_str;
  } else if (encoding || errors) {
    // Argument types first, then the object's, as CPython checks them.
    if (encoding && !str_check(encoding))
      return raisef(t, exc(E_TypeError), "str() argument 'encoding' must be str, not %s",
                    type_name_of(encoding).c_str());
    if (errors && !str_check(errors))
      return raisef(t, exc(E_TypeError), "str() argument 'errors' must be str, not %s",
                    type_name_of(errors).c_str());
    if (str_check(obj)) return raise(t, exc(E_TypeError), "decoding str is not supported");
    std::string data;
    bool buffer_error = false;
    if (!buffer_contents(t, obj, data, buffer_error)) {
      if (buffer_error) return {};
      return raisef(t, exc(E_TypeError), "decoding to str: need a bytes-like object, %s found",
                    type_name_of(obj).c_str());
    }
    std::string encoding_name = encoding ? str_utf8(encoding) : "utf-8";
    std::string errors_name = errors ? str_utf8(errors) : "strict";
    auto r = text::decode(data, encoding_name, errors_name);
    if (r.ok())
      result = str_from_code_points(t, r.value());
    else
      result = codec_fallback(t, r.error(), false, obj, encoding_name, errors_name);
  } else {
    result = str(t, obj);
  }
  if (!result) return {};
  if (args[0] == type_value(T_str)) return result;
  U32 cps = str_code_points(result);
  bool ascii_only = true;
  for (char32_t c : cps)
    ascii_only &= c < 0x80;
  int kind = ascii_only ? 1 : 4;
  Value s = allocate(t, Layout::Str, args[0], sizeof(StrObject) + cps.size() * kind + 4);
  if (!s) return {};
  StrObject* o = fresh<StrObject>(s);
  o->length = std::int64_t(cps.size());
  o->hash = -1;
  o->kind = kind;
  for (std::size_t i = 0; i < cps.size(); ++i) {
    if (kind == 1)
      o->data[i] = static_cast<unsigned char>(cps[i]);
    else
      reinterpret_cast<char32_t*>(o->data)[i] = cps[i];
  }
  return s;
}

INTERP_NATIVE(str_expandtabs_method) {
  std::int64_t tabsize = 8;
  Value ts;
  if (!parse_arguments(t, "expandtabs", args + 1, nargs - 1, kwnames, {"tabsize"}, 0, 0, &ts))
    return {};
  if (ts && !index_to_i64(t, ts, tabsize)) return {};
  U32 s = str_code_points(args[0]);
  return make(t, text::str_expandtabs<char32_t>(s, tabsize));
}

} // namespace

void init_str_type(Thread& t) {
  Value type = type_value(T_str);
  const MethodDef methods[] = {
      {"__repr__", str_repr_method},
      {"__str__", str_str},
      {"__hash__", str_hash_method},
      {"__len__", str_len},
      {"__eq__", str_eq},
      {"__ne__", str_ne},
      {"__lt__", str_lt},
      {"__le__", str_le},
      {"__gt__", str_gt},
      {"__ge__", str_ge},
      {"__getitem__", str_getitem},
      {"__add__", str_add},
      {"__mul__", str_mul},
      {"__rmul__", str_mul},
      {"__contains__", str_contains},
      {"__iter__", str_iter},
      {"__format__", str_format_method_spec, MethodArgs::one},
      {"join", str_join, MethodArgs::one},
      {"split", str_split_method},
      {"rsplit", str_rsplit_method},
      {"splitlines", str_splitlines_method},
      {"strip", str_strip_method, MethodArgs::positional},
      {"lstrip", str_lstrip_method, MethodArgs::positional},
      {"rstrip", str_rstrip_method, MethodArgs::positional},
      {"lower", str_lower_method, MethodArgs::none},
      {"upper", str_upper_method, MethodArgs::none},
      {"casefold", str_casefold_method, MethodArgs::none},
      {"title", str_title_method, MethodArgs::none},
      {"capitalize", str_capitalize_method, MethodArgs::none},
      {"swapcase", str_swapcase_method, MethodArgs::none},
      {"isalpha", str_isalpha_method, MethodArgs::none},
      {"isalnum", str_isalnum_method, MethodArgs::none},
      {"isdigit", str_isdigit_method, MethodArgs::none},
      {"isspace", str_isspace_method, MethodArgs::none},
      {"islower", str_islower_method, MethodArgs::none},
      {"isupper", str_isupper_method, MethodArgs::none},
      {"istitle", str_istitle_method, MethodArgs::none},
      {"isdecimal", str_isdecimal_method, MethodArgs::none},
      {"isnumeric", str_isnumeric_method, MethodArgs::none},
      {"isascii", str_isascii_method, MethodArgs::none},
      {"isprintable", str_isprintable_method, MethodArgs::none},
      {"isidentifier", str_isidentifier_method, MethodArgs::none},
      {"find", str_find_method},
      {"rfind", str_rfind_method},
      {"index", str_index_method},
      {"rindex", str_rindex_method},
      {"count", str_count_method},
      {"startswith", str_startswith_method},
      {"endswith", str_endswith_method},
      {"replace", str_replace_method, MethodArgs::positional},
      {"center", str_center_method, MethodArgs::positional},
      {"ljust", str_ljust_method, MethodArgs::positional},
      {"rjust", str_rjust_method, MethodArgs::positional},
      {"zfill", str_zfill_method, MethodArgs::one},
      {"partition", str_partition_method, MethodArgs::one},
      {"rpartition", str_rpartition_method, MethodArgs::one},
      {"encode", str_encode_method},
      {"expandtabs", str_expandtabs_method},
      {"removeprefix", str_removeprefix_method, MethodArgs::one},
      {"removesuffix", str_removesuffix_method, MethodArgs::one},
      {"translate", str_translate_method, MethodArgs::one},
      {"__getnewargs__", str_getnewargs_method, MethodArgs::none},
  };
  add_methods(t, type, methods);
  mark_sequence_repeat(t, type);
  add_staticmethod(t, type, "__new__", str_new_method);
  add_staticmethod(t, type, "maketrans", str_maketrans_method);
  init_str_format(t);
}

} // namespace interp
