// interp/modules/string.cc - the _string module: the format-string parser of str.format
// (interp/objects/format_markup.h) offered to string.Formatter, which formats fields its
// own way. Both functions parse the whole string when called, so a malformed format
// string is reported then rather than part way through the iteration as in CPython.
#include "interp/modules/module_support.h"
#include "interp/objects/format_markup.h"
#include "interp/ops.h"

namespace interp {

Value make_string_module(Thread& t);

namespace {

bool str_argument(Thread& t, const char* what, const Value* args, std::size_t nargs,
                  Value kwnames) {
  if (!check_positional(t, what, nargs, kwnames, 1, 1, 0)) return false;
  if (str_check(args[0])) return true;
  raisef(t, exc(E_TypeError), "expected str, got %s", type_name_of(args[0]).c_str());
  return false;
}

Value str_or_none(Thread& t, bool present, const std::u32string& s) {
  return present ? str_from_code_points(t, s) : none();
}

// formatter_parser(format) -> iterator of (literal, field_name, spec, conversion); the last
// three are None for a piece without a field, conversion is None for a field without one.
INTERP_NATIVE(formatter_parser) {
  if (!str_argument(t, "formatter_parser", args, nargs, kwnames)) return {};
  std::u32string format = str_code_points(args[0]);
  FormatMarkup markup(format);
  Value pieces = list_new(t);
  if (!pieces) return {};
  FormatPiece piece;
  std::string error;
  for (;;) {
    ParseStep step = markup.next(piece, error);
    if (step == ParseStep::end) break;
    if (step == ParseStep::error) return raise(t, exc(E_ValueError), error);
    Value items[4] = {str_from_code_points(t, piece.literal),
                      str_or_none(t, piece.has_field, piece.field_name),
                      str_or_none(t, piece.has_field, piece.spec),
                      piece.conversion ? str_from_code_point(t, piece.conversion) : none()};
    for (Value v : items)
      if (!v) return {};
    Value tuple = tuple_from(t, items, 4);
    if (!tuple || !list_append(t, pieces, tuple)) return {};
  }
  return iter(t, pieces);
}

// formatter_field_name_split(field_name) -> (first, iterator of (is_attribute, key)); first
// and the keys are ints when they are all digits.
INTERP_NATIVE(formatter_field_name_split) {
  if (!str_argument(t, "formatter_field_name_split", args, nargs, kwnames)) return {};
  std::u32string field = str_code_points(args[0]);
  FieldName parts(field);
  std::int64_t index;
  bool too_large;
  Value first = parts.first_index(index, too_large) ? int_from_i64(t, index)
                                                    : str_from_code_points(t, parts.first());
  if (too_large) return raise(t, exc(E_ValueError), "Too many decimal digits in format string");
  Value rest = list_new(t);
  if (!first || !rest) return {};
  FieldNamePart part;
  std::string error;
  for (;;) {
    ParseStep step = parts.next(part, error);
    if (step == ParseStep::end) break;
    if (step == ParseStep::error) return raise(t, exc(E_ValueError), error);
    Value items[2] = {py_bool(part.is_attribute), part.is_index
                                                      ? int_from_i64(t, part.index)
                                                      : str_from_code_points(t, part.key)};
    if (!items[1]) return {};
    Value tuple = tuple_from(t, items, 2);
    if (!tuple || !list_append(t, rest, tuple)) return {};
  }
  Value rest_iter = iter(t, rest);
  if (!rest_iter) return {};
  Value pair[2] = {first, rest_iter};
  return tuple_from(t, pair, 2);
}

} // namespace

Value make_string_module(Thread& t) {
  static const ModuleFunction kFunctions[] = {
      {"formatter_parser", formatter_parser},
      {"formatter_field_name_split", formatter_field_name_split},
  };
  return new_module(t, "_string", kFunctions, std::size(kFunctions));
}

} // namespace interp
