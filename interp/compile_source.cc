// interp/compile_source.cc - parse and compile, with errors as Python exceptions.
#include "interp/compile_source.h"

#include "interp/compile/compiler.h"
#include "interp/compile/disassembler.h"
#include "interp/interp.h"
#include "interp/modules/ast_objects.h"

#include "interp/objects/objects.h"
#include "interp/ops.h"
#include "interp/modules/module_support.h"
#include "interp/parse/parser.h"
#include "interp/parse/source.h"
#include "interp/text/codecs.h"
#include <cstdio>
#include <cstdlib>
#include <fstream>

namespace interp {

// Line `lineno` of the file `filename` as 3.11's PyErr_ProgramTextObject reads it back for
// the compiler's errors: with its newline, a UTF-8 BOM dropped, undecodable bytes replaced;
// None when the file cannot be read or is shorter.
static Value program_text(Thread& t, const std::string& filename, int lineno) {
  if (lineno <= 0 || filename.empty()) return none();
  std::ifstream in(filename, std::ios::binary);
  if (!in) return none();
  std::string line;
  for (int i = 1; i <= lineno; ++i) {
    if (!std::getline(in, line)) return none();
    if (!in.eof()) line += '\n';
  }
  if (lineno == 1 && line.starts_with("\xef\xbb\xbf")) line.erase(0, 3);
  auto decoded = text::decode(line, "utf-8", "replace");
  return decoded.ok() ? str_from_code_points(t, decoded.value()) : none();
}

Value raise_syntax_error(Thread& t, const parse::SyntaxErrorInfo& info) {
  using Kind = parse::SyntaxErrorInfo::Kind;
  using Origin = parse::SyntaxErrorInfo::Origin;
  if (info.kind == Kind::MemoryError) return raise_memory_error(t);
  if (info.kind == Kind::ValueError) return raise(t, exc(E_ValueError), info.msg.c_str());
  Value type = info.kind == Kind::TabError           ? exc(E_TabError)
               : info.kind == Kind::IndentationError ? exc(E_IndentationError)
                                                     : exc(E_SyntaxError);
  Value msg = str_from_utf8(t, info.msg);
  if (!msg) return {};
  Value text = info.origin != Origin::Parser ? program_text(t, info.filename, info.lineno)
               : info.has_position || !info.text.empty() ? str_from_utf8(t, info.text)
                                                         : none();
  auto number_or_none = [&](int n, bool known) { return known ? Value::small_int(n) : none(); };
  if (info.origin == Origin::Message) {
    Value arg_tuple = tuple_from(t, &msg, 1);
    Value e = arg_tuple ? exception_new(t, type, arg_tuple) : Value();
    if (e) t.pending = e;
    return {};
  }
  bool symtable = info.origin == Origin::SymbolTable;
  Value details[6];
  details[0] = str_from_utf8(t, info.filename);
  details[1] = Value::small_int(info.lineno);
  details[2] = number_or_none(info.offset, !symtable || info.offset >= 0);
  details[3] = text;
  details[4] = number_or_none(info.end_lineno, info.has_position && (!symtable || info.end_lineno >= 0));
  details[5] = number_or_none(info.end_offset, info.has_position && (!symtable || info.end_offset >= 0));
  for (Value v : details)
    if (!v) return {};
  Value e;
  if (symtable) {
    // SyntaxError(msg), then the location set field by field.
    Value arg_tuple = tuple_from(t, &msg, 1);
    if (!arg_tuple) return {};
    e = exception_new(t, type, arg_tuple);
    static const char* const kFields[] = {"filename",   "lineno",    "offset",
                                          "text", "end_lineno", "end_offset"};
    for (int i = 0; e && i < 6; ++i)
      if (!setattr(t, e, intern_literal(t, kFields[i]), details[i])) return {};
  } else {
    Value detail_tuple = tuple_from(t, details, info.has_position ? 6 : 4);
    if (!detail_tuple) return {};
    Value args[2] = {msg, detail_tuple};
    Value arg_tuple = tuple_from(t, args, 2);
    if (!arg_tuple) return {};
    e = exception_new(t, type, arg_tuple);
  }
  if (e) t.pending = e;
  return {};
}

// parse::parse, with bytes in an encoding that only the codec registry knows (cp1252,
// iso8859-7, ...) decoded through it first. Where the registry does not know it either,
// the front end reports the unknown encoding itself. 0 with a decoding error raised.
static std::optional<parse::ParseResult> parse_source(Thread& t, std::string_view source,
                                                      const std::string& filename,
                                                      ast::Mode mode,
                                                      parse::SourceKind kind) {
  std::optional<std::string> encoding;
  if (kind != parse::SourceKind::Text) encoding = parse::foreign_encoding(source);
  if (encoding) {
    Value name = str_from_utf8(t, *encoding);
    Value lookup = name ? module_attr(t, "codecs", "lookup") : Value();
    if (!lookup) return std::nullopt;
    if (!call1(t, lookup, name)) {
      if (!matches(t, exc(E_LookupError))) return std::nullopt;
      clear_pending(t); // reported by the front end as "unknown encoding"
    } else {
      Value raw = bytes_new(t, source);
      Value decode = raw ? module_attr(t, "codecs", "decode") : Value();
      Value args[2] = {raw, name};
      Value text = decode ? call(t, decode, args, 2) : Value();
      if (!text) return std::nullopt;
      if (!str_check(text))
        return raisef(t, exc(E_TypeError), "decoder returned '%s' instead of 'str'",
                      type_name_of(text).c_str()),
               std::nullopt;
      return parse::parse(str_utf8(text), filename, mode, parse::SourceKind::Text);
    }
  }
  return parse::parse(source, filename, mode, kind);
}

// Issues the parser's DeprecationWarnings; one that the filters make an error becomes the
// SyntaxError at its string, as 3.11 reports it. False with the exception.
bool issue_warnings(Thread& t, const std::vector<parse::SourceWarning>& warnings,
                    const std::string& filename) {
  for (const parse::SourceWarning& w : warnings) {
    Value category = w.category == parse::SourceWarning::Category::Syntax
                         ? exc(E_SyntaxWarning)
                         : exc(E_DeprecationWarning);
    Value warn = module_attr(t, "warnings", "warn_explicit");
    Value args[4] = {str_from_utf8(t, w.error.msg), category, str_from_utf8(t, filename),
                     Value::small_int(w.error.lineno)};
    if (!warn || !args[0] || !args[2]) return false;
    if (call(t, warn, args, 4)) continue;
    if (!matches(t, category)) return false;
    clear_pending(t);
    raise_syntax_error(t, w.error);
    return false;
  }
  return true;
}

Value compile_source(Thread& t, std::string_view source, const std::string& filename,
                     ast::Mode mode, int optimize, parse::SourceKind kind, bool top_level_await) {
  std::optional<parse::ParseResult> result = parse_source(t, source, filename, mode, kind);
  if (!result) return {};
  parse::ParseResult& parsed = *result;
  if (!issue_warnings(t, parsed.warnings, filename)) return {};
  if (parsed.error) return raise_syntax_error(t, *parsed.error);
  return compile_tree(t, *parsed.module, filename, optimize, top_level_await);
}

Value compile_tree(Thread& t, const ast::Module& module, const std::string& filename, int optimize,
                   bool top_level_await) {
  if (optimize < 0) optimize = options().optimize;
  std::vector<parse::SourceWarning> warnings;
  auto compiled = compile::compile(module, filename, optimize, &warnings, top_level_await);
  if (!issue_warnings(t, warnings, filename)) return {};
  if (auto* error = std::get_if<parse::SyntaxErrorInfo>(&compiled))
    return raise_syntax_error(t, *error);
  auto unit = std::get<std::shared_ptr<const bytecode::CodeUnit>>(compiled);
  // PYPYSTM_DIS=1 prints the bytecode of everything compiled (a debugging aid).
  if (const char* dis = std::getenv("PYPYSTM_DIS"); dis && *dis == '1')
    std::fprintf(stderr, "%s", bytecode::disassemble(*unit).c_str());
  return code_new(t, unit);
}

Value parse_to_objects(Thread& t, std::string_view source, const std::string& filename,
                       ast::Mode mode, parse::SourceKind kind) {
  std::optional<parse::ParseResult> result = parse_source(t, source, filename, mode, kind);
  if (!result) return {};
  parse::ParseResult& parsed = *result;
  if (!issue_warnings(t, parsed.warnings, filename)) return {};
  if (parsed.error) return raise_syntax_error(t, *parsed.error);
  return ast_to_objects(t, *parsed.module);
}

} // namespace interp
