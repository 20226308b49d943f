// interp/compile_source.cc - parse and compile, with errors as Python exceptions.
#include "interp/compile_source.h"

#include "interp/compile/compiler.h"
#include "interp/compile/disassembler.h"
#include "interp/interp.h"
#include "interp/modules/ast_objects.h"

#include "interp/objects/objects.h"
#include "interp/parse/parser.h"
#include <cstdio>
#include <cstdlib>

namespace interp {

static Value raise_syntax_error(Thread& t, const parse::SyntaxErrorInfo& info) {
  using Kind = parse::SyntaxErrorInfo::Kind;
  if (info.kind == Kind::MemoryError) return raise_memory_error(t);
  Value type = info.kind == Kind::TabError           ? exc(E_TabError)
               : info.kind == Kind::IndentationError ? exc(E_IndentationError)
                                                     : exc(E_SyntaxError);
  Value msg = str_from_utf8(t, info.msg);
  if (!msg) return {};
  Value details[6];
  details[0] = str_from_utf8(t, info.filename);
  details[1] = Value::small_int(info.lineno);
  details[2] = Value::small_int(info.offset);
  details[3] = info.has_position || !info.text.empty() ? str_from_utf8(t, info.text) : none();
  details[4] = info.has_position ? Value::small_int(info.end_lineno) : none();
  details[5] = info.has_position ? Value::small_int(info.end_offset) : none();
  for (Value v : details)
    if (!v) return {};
  Value detail_tuple = tuple_from(t, details, 6);
  if (!detail_tuple) return {};
  Value args[2] = {msg, detail_tuple};
  Value arg_tuple = tuple_from(t, args, 2);
  if (!arg_tuple) return {};
  Value e = exception_new(t, type, arg_tuple);
  if (e) t.pending = e;
  return {};
}

Value compile_source(Thread& t, std::string_view source, const std::string& filename,
                     ast::Mode mode, int optimize) {
  parse::ParseResult parsed = parse::parse(source, filename, mode);
  if (parsed.error) return raise_syntax_error(t, *parsed.error);
  return compile_tree(t, *parsed.module, filename, optimize);
}

Value compile_tree(Thread& t, const ast::Module& module, const std::string& filename,
                   int optimize) {
  if (optimize < 0) optimize = options().optimize;
  auto compiled = compile::compile(module, filename, optimize);
  if (auto* error = std::get_if<parse::SyntaxErrorInfo>(&compiled))
    return raise_syntax_error(t, *error);
  auto unit = std::get<std::shared_ptr<const bytecode::CodeUnit>>(compiled);
  // PYPYSTM_DIS=1 prints the bytecode of everything compiled (a debugging aid).
  if (const char* dis = std::getenv("PYPYSTM_DIS"); dis && *dis == '1')
    std::fprintf(stderr, "%s", bytecode::disassemble(*unit).c_str());
  return code_new(t, unit);
}

Value parse_to_objects(Thread& t, std::string_view source, const std::string& filename,
                       ast::Mode mode) {
  parse::ParseResult parsed = parse::parse(source, filename, mode);
  if (parsed.error) return raise_syntax_error(t, *parsed.error);
  return ast_to_objects(t, *parsed.module);
}

} // namespace interp
