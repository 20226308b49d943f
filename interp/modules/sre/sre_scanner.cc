// interp/modules/sre/sre_scanner.cc - _sre.SRE_Scanner, what Pattern.scanner returns
// and Pattern.finditer iterates: successive matches over one subject, each starting
// where the last one ended (with the empty-match rule of sre_pattern.cc).
#include "interp/modules/module_support.h"
#include "interp/modules/sre/sre_objects.h"
#include "interp/ops.h"

namespace interp::sre {

namespace {

Value advance(Thread& t, Value self, bool searching) {
  const ScannerObject* s = rd<ScannerObject>(self);
  if (small(s->exhausted)) return none();
  Value pattern = s->pattern, string = s->string, text = s->text;
  std::int64_t first = small(s->first_pos), pos = small(s->pos), endpos = small(s->endpos);
  MatchRequest req = make_request(pattern, text, pos, endpos);
  req.must_advance = small(s->must_advance) != 0;
  MatchResult r;
  bool found = pos <= endpos && (searching ? search(req, r) : match_at(req, r));
  if (!found) {
    wr<ScannerObject>(self)->exhausted = Value::small_int(1);
    return none();
  }
  Value m = make_match(t, pattern, string, text, first, endpos, r);
  if (!m) return {};
  ScannerObject* w = wr<ScannerObject>(self);
  w->must_advance = Value::small_int(r.spans[1] == r.spans[0]);
  w->pos = Value::small_int(r.spans[1]);
  return m;
}

INTERP_NATIVE(scanner_match) {
  if (!check_positional(t, "match", nargs, kwnames, 0, 0)) return {};
  return advance(t, args[0], false);
}

INTERP_NATIVE(scanner_search) {
  if (!check_positional(t, "search", nargs, kwnames, 0, 0)) return {};
  return advance(t, args[0], true);
}

INTERP_NATIVE(scanner_pattern) {
  return rd<ScannerObject>(args[0])->pattern;
}

INTERP_NATIVE(scanner_new) {
  return raise(t, exc(E_TypeError), "cannot create '_sre.SRE_Scanner' instances");
}

} // namespace

Value make_scanner_type(Thread& t) {
  Value type = new_type(t, "SRE_Scanner", "_sre", Layout::Instance, {}, false);
  if (!type) return {};
  add_staticmethod(t, type, "__new__", scanner_new);
  add_method(t, type, "match", scanner_match);
  add_method(t, type, "search", scanner_search);
  add_getter(t, type, "pattern", scanner_pattern);
  update_type_flags(type);
  return type;
}

} // namespace interp::sre
