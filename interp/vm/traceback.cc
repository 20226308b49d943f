// interp/vm/traceback.cc - printing an uncaught exception as CPython 3.11 does: the
// chain of causes and contexts, each with "Traceback (most recent call last):", one
// "File ..., line N, in f" entry per level with its source line, then "Type: message";
// exception groups as nested boxes, each member with its own chain.
#include "interp/compile/code_unit.h"
#include "interp/objects/objects.h"
#include "interp/ops.h"
#include "interp/vm/frame.h"
#include "interp/vm/vm.h"

#include <algorithm>
#include <fstream>
#include <string_view>
#include <vector>

namespace interp::vm {

namespace {

std::string source_line(const std::string& filename, int lineno) {
  if (lineno <= 0) return "";
  std::ifstream in(filename);
  if (!in) return "";
  std::string line;
  for (int i = 1; std::getline(in, line); ++i) {
    if (i == lineno) {
      std::size_t a = line.find_first_not_of(" \t\f\r");
      std::size_t b = line.find_last_not_of(" \t\f\r\n");
      if (a == std::string::npos) return "";
      return line.substr(a, b - a + 1);
    }
  }
  return "";
}

void format_traceback(Thread& t, Value tb, std::string& out) {
  out += "Traceback (most recent call last):\n";
  std::string last_key;
  int repeats = 0;
  // `repeats` counts the entries equal to the one before: the first three of a run are
  // printed, the rest summed up in one line, as CPython does.
  auto flush_repeats = [&] {
    if (repeats >= 3)
      out += "  [Previous line repeated " + std::to_string(repeats - 2) + " more time" +
             (repeats - 2 == 1 ? "" : "s") + "]\n";
    repeats = 0;
  };
  while (tb && tb != none()) {
    const TracebackObject* o = rd<TracebackObject>(tb);
    Value frame = o->frame;
    int line = int(o->lineno.small_int_value());
    Value code = rd<FrameObject>(frame)->code;
    const bytecode::CodeUnit& unit = code_unit(code);
    std::string key = unit.filename + ":" + std::to_string(line) + ":" + unit.name;
    if (key == last_key) {
      ++repeats;
      if (repeats >= 3) {
        tb = o->next;
        continue;
      }
    } else {
      flush_repeats();
      last_key = key;
    }
    out += "  File \"" + unit.filename + "\", line " + std::to_string(line) + ", in " + unit.name +
           "\n";
    std::string src = source_line(unit.filename, line);
    if (!src.empty()) out += "    " + src + "\n";
    tb = rd<TracebackObject>(tb)->next;
  }
  flush_repeats();
  (void)t;
}

// 3.11's "Did you mean" suggestions: the candidate closest to the missing name by an
// edit distance where a case change costs half as much as any other edit, taken only
// when it is within about a third of the two names' lengths.
constexpr std::size_t kMoveCost = 2, kCaseCost = 1, kMaxNameSize = 40, kMaxCandidates = 750;

std::size_t substitution_cost(char a, char b) {
  if (a == b) return 0;
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
  return lower(a) == lower(b) ? kCaseCost : kMoveCost;
}

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t max_cost) {
  while (!a.empty() && !b.empty() && a.front() == b.front()) {
    a.remove_prefix(1);
    b.remove_prefix(1);
  }
  while (!a.empty() && !b.empty() && a.back() == b.back()) {
    a.remove_suffix(1);
    b.remove_suffix(1);
  }
  if (a.empty() || b.empty()) return (a.size() + b.size()) * kMoveCost;
  if (b.size() < a.size()) std::swap(a, b);
  if ((b.size() - a.size()) * kMoveCost > max_cost) return max_cost + 1;
  // One row of the distance matrix, updated in place as b is consumed.
  std::vector<std::size_t> row(a.size());
  for (std::size_t i = 0; i < a.size(); ++i)
    row[i] = (i + 1) * kMoveCost;
  std::size_t result = 0;
  for (std::size_t j = 0; j < b.size(); ++j) {
    std::size_t diagonal = j * kMoveCost;
    result = diagonal;
    std::size_t row_min = SIZE_MAX;
    for (std::size_t i = 0; i < a.size(); ++i) {
      std::size_t substitute = diagonal + substitution_cost(b[j], a[i]);
      diagonal = row[i];
      result = std::min(std::min(result, row[i]) + kMoveCost, substitute);
      row[i] = result;
      row_min = std::min(row_min, result);
    }
    if (row_min > max_cost) return max_cost + 1;
  }
  return result;
}

// The best of `candidates` (a list of names) for `missing`, or "".
std::string closest_name(Value candidates, const std::string& missing) {
  if (!candidates || !isinstance(candidates, T_list)) return "";
  std::int64_t n = list_length(candidates);
  if (n >= std::int64_t(kMaxCandidates) || missing.size() > kMaxNameSize) return "";
  std::string best;
  std::size_t best_distance = SIZE_MAX;
  for (std::int64_t i = 0; i < n; ++i) {
    Value item = list_item(candidates, i);
    if (!str_check(item)) continue;
    std::string name = str_utf8(item);
    if (name == missing || name.size() > kMaxNameSize) continue;
    std::size_t max_distance = (missing.size() + name.size() + 3) * kMoveCost / 6;
    if (best_distance != SIZE_MAX) max_distance = std::min(max_distance, best_distance - 1);
    std::size_t d = edit_distance(missing, name, max_distance);
    if (d > max_distance) continue;
    if (best.empty() || d < best_distance) {
      best = name;
      best_distance = d;
    }
  }
  return best;
}

Value names_of(Thread& t, Value mapping) {
  if (!mapping) return {};
  Value names = list_of(t, mapping);
  if (!names) clear_pending(t);
  return names;
}

std::string suggestion_for(Thread& t, Value e) {
  Value type = type_of(e);
  const ExceptionObject* o = rd<ExceptionObject>(e);
  if (is_subtype(type, exc(E_AttributeError))) {
    Value missing = o->extra[0], obj = o->extra[1];
    if (!missing || !obj || !str_check(missing)) return "";
    Value dir = dict_get_str(runtime().builtins, intern_literal(t, "dir"));
    Value names = dir ? call1(t, dir, obj) : Value();
    if (!names) {
      clear_pending(t);
      return "";
    }
    return closest_name(names, str_utf8(missing));
  }
  if (is_subtype(type, exc(E_NameError))) {
    Value missing = o->extra[0], tb = o->traceback;
    if (!missing || !str_check(missing) || !tb || tb == none()) return "";
    while (rd<TracebackObject>(tb)->next && rd<TracebackObject>(tb)->next != none())
      tb = rd<TracebackObject>(tb)->next;
    Value frame = rd<TracebackObject>(tb)->frame;
    std::string name = str_utf8(missing);
    // Local names first, then the globals, then the builtins.
    Value locals = list_new(t, 0);
    if (!locals) {
      clear_pending(t);
      return "";
    }
    for (const std::string& v : code_unit(rd<FrameObject>(frame)->code).varnames) {
      Value s = str_from_utf8(t, v);
      if (!s || !list_append(t, locals, s)) {
        clear_pending(t);
        return "";
      }
    }
    std::string best = closest_name(locals, name);
    if (best.empty()) best = closest_name(names_of(t, rd<FrameObject>(frame)->globals), name);
    if (best.empty()) best = closest_name(names_of(t, rd<FrameObject>(frame)->builtins), name);
    return best;
  }
  return "";
}

std::string exception_line(Thread& t, Value e) {
  Value type = type_of(e);
  std::string name = type_name(type);
  Value module = getattr_opt(t, type, name_value(N___module__));
  if (t.pending) clear_pending(t);
  if (module && str_check(module) && !str_equal_ascii(module, "builtins") &&
      !str_equal_ascii(module, "__main__"))
    name = str_utf8(module) + "." + name;
  Value text = str(t, e);
  std::string message;
  if (!text) {
    clear_pending(t);
    message = "<exception str() failed>";
  } else {
    message = str_utf8(text);
  }
  std::string suggestion = suggestion_for(t, e);
  if (t.pending) clear_pending(t);
  if (!suggestion.empty()) message += ". Did you mean: '" + suggestion + "'?";
  std::string line = message.empty() ? name : name + ": " + message;
  return line + "\n";
}

} // namespace

// As 3.11's C printer (pythonrun.c: parse_syntax_error, print_error_text): the location
// line, the text from its first non-blank character with carets under [offset,
// end_offset) (one when the end is unknown or not after the start; to the end of the
// line for a range over several lines; never past the text), then "Type: msg". Without
// an int lineno it is any other exception's line.
void format_syntax_error(Thread& t, Value e, std::string& out) {
  auto field = [&](const char* n) {
    Value v = getattr_opt(t, e, intern_literal(t, n));
    if (t.pending) clear_pending(t);
    return v ? v : none();
  };
  auto as_int = [](Value v, std::int64_t& n) { return int_check(v) && int_to_i64(v, n); };
  std::int64_t lineno, offset = -1, end_lineno, end_offset = -1;
  Value msg = field("msg"), filename = field("filename"), text = field("text");
  Value v = field("offset");
  if (!as_int(field("lineno"), lineno) || (v != none() && !as_int(v, offset))) {
    out += exception_line(t, e);
    return;
  }
  end_lineno = lineno;
  if (type_of(e) == exc(E_SyntaxError)) { // its subclasses mark one character
    if ((v = field("end_lineno")) != none() && !as_int(v, end_lineno)) end_lineno = lineno;
    if ((v = field("end_offset")) != none() && !as_int(v, end_offset)) end_offset = -1;
  }
  Value file_text = filename == none() ? Value() : str(t, filename);
  if (filename != none() && !file_text) clear_pending(t);
  out += "  File \"" + (file_text ? str_utf8(file_text) : std::string("<string>")) + "\", line " +
         std::to_string(lineno) + "\n";
  if (text != none() && str_check(text)) {
    std::u32string line = str_code_points(text);
    std::int64_t size = std::int64_t(line.size());
    if (end_lineno > lineno) end_offset = size;
    if (end_offset > size + 1) end_offset = size + 1;
    std::int64_t carets = end_offset > 0 && end_offset > offset ? end_offset - offset : 1;
    offset--;
    std::size_t begin = 0;
    while (begin < line.size() && (line[begin] == ' ' || line[begin] == '\t' || line[begin] == '\f')) {
      ++begin;
      --offset;
    }
    std::u32string rest = line.substr(begin);
    std::int64_t len = std::int64_t(rest.size());
    if (len > 0 && rest[std::size_t(len - 1)] == '\n') --len;
    if (offset > len) offset = len;
    for (;;) { // past the newlines inside the text, before the offset
      std::size_t nl = rest.find(U'\n');
      if (nl == std::u32string::npos || std::int64_t(nl) >= offset) break;
      rest.erase(0, nl + 1);
      len -= std::int64_t(nl) + 1;
      offset -= std::int64_t(nl) + 1;
    }
    Value shown = str_from_code_points(t, rest);
    out += "    " + (shown ? str_utf8(shown) : std::string());
    if (!shown) clear_pending(t);
    if (!(len < std::int64_t(rest.size()) && rest[std::size_t(len)] == '\n')) out += "\n";
    if (offset >= 0)
      out += "    " + std::string(std::size_t(offset), ' ') + std::string(std::size_t(carets), '^') +
             "\n";
  }
  std::string name = type_name_of(e);
  Value module = getattr_opt(t, type_of(e), name_value(N___module__));
  if (t.pending) clear_pending(t);
  if (module && str_check(module) && !str_equal_ascii(module, "builtins") &&
      !str_equal_ascii(module, "__main__"))
    name = str_utf8(module) + "." + name;
  Value message = str(t, msg);
  if (!message) {
    clear_pending(t);
    out += name + ": <exception str() failed>\n";
    return;
  }
  std::string m = str_utf8(message);
  out += m.empty() ? name + "\n" : name + ": " + m + "\n";
}

namespace {

// What CPython's exception printer threads through a tree of exception groups: how deep
// in the boxes it is, the exceptions already printed, and whether the innermost box still
// needs its closing line.
struct PrintContext {
  int group_depth = 0;
  bool need_close = false;
  std::vector<Value> seen;
};

constexpr int kMaxGroupWidth = 15;
constexpr int kMaxGroupDepth = 10;

std::string indent(const PrintContext& c) {
  return std::string(std::size_t(2 * c.group_depth), ' ');
}

// Every line of text, prefixed with the box margin of the current depth.
void emit(const PrintContext& c, const std::string& text, std::string& out, char margin = '|') {
  std::string prefix = indent(c);
  if (c.group_depth) prefix += std::string(1, margin) + " ";
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    std::size_t end = nl == std::string::npos ? text.size() : nl + 1;
    out += prefix;
    out.append(text, pos, end - pos);
    pos = end;
  }
}

bool seen_before(const PrintContext& c, Value e) {
  return std::find(c.seen.begin(), c.seen.end(), e) != c.seen.end();
}

bool is_group(Value e) {
  return is_subtype(type_of(e), exc(E_BaseExceptionGroup));
}

// "Type: message", or SyntaxError's located form, then the notes.
std::string exception_only(Thread& t, Value e) {
  std::string out;
  if (is_subtype(type_of(e), exc(E_SyntaxError)))
    format_syntax_error(t, e, out);
  else
    out += exception_line(t, e);
  Value notes = getattr_opt(t, e, name_value(N___notes__));
  if (t.pending) clear_pending(t);
  if (notes && isinstance(notes, T_list)) {
    for (std::int64_t i = 0; i < list_length(notes); ++i) {
      Value n = list_item(notes, i);
      Value s = str_check(n) ? n : repr(t, n);
      if (!s) {
        clear_pending(t);
        out += "<note str() failed>\n";
        continue;
      }
      out += str_utf8(s) + "\n";
    }
  }
  return out;
}

void format_chain(Thread& t, Value e, PrintContext& c, std::string& out);

void format_group(Thread& t, Value e, PrintContext& c, std::string& out) {
  bool toplevel = c.group_depth == 0;
  if (toplevel) ++c.group_depth;
  Value tb = rd<ExceptionObject>(e)->traceback;
  if (tb && tb != none()) {
    emit(c, "Exception Group Traceback (most recent call last):\n", out, toplevel ? '+' : '|');
    std::string frames;
    format_traceback(t, tb, frames);
    // format_traceback starts with its own header line: keep the frames only.
    emit(c, frames.substr(frames.find('\n') + 1), out);
  }
  emit(c, exception_only(t, e), out);
  Value excs = rd<ExceptionObject>(e)->extra[1];
  std::int64_t count = excs && is_layout(excs, Layout::Tuple) ? tuple_length(excs) : 0;
  std::int64_t shown = count <= kMaxGroupWidth ? count : kMaxGroupWidth + 1;
  c.need_close = false;
  for (std::int64_t i = 0; i < shown; ++i) {
    bool last = i == shown - 1;
    if (last) c.need_close = true;
    bool truncated = i >= kMaxGroupWidth;
    std::string title = truncated ? "..." : std::to_string(i + 1);
    out +=
        indent(c) + (i == 0 ? "+-" : "  ") + "+---------------- " + title + " ----------------\n";
    ++c.group_depth;
    if (!truncated) {
      format_chain(t, tuple_item(excs, i), c, out);
    } else {
      std::int64_t remaining = count - kMaxGroupWidth;
      emit(c,
           "and " + std::to_string(remaining) + " more exception" + (remaining > 1 ? "s" : "") +
               "\n",
           out);
    }
    if (last && c.need_close) {
      out += indent(c) + "+------------------------------------\n";
      c.need_close = false;
    }
    --c.group_depth;
  }
  if (toplevel) c.group_depth = 0;
}

void format_chain(Thread& t, Value e, PrintContext& c, std::string& out) {
  // The chain from e back to its oldest cause or context, each with the sentence that
  // links it to the one printed before it.
  std::vector<std::pair<const char*, Value>> chain;
  c.seen.push_back(e);
  const char* link = nullptr;
  for (Value cur = e; cur;) {
    chain.emplace_back(link, cur);
    const ExceptionObject* o = rd<ExceptionObject>(cur);
    Value cause = o->cause, context = o->context;
    Value next;
    link = nullptr;
    if (cause && cause != none() && exception_check(cause)) {
      if (!seen_before(c, cause)) {
        next = cause;
        link = "\nThe above exception was the direct cause of the following exception:\n\n";
      }
    } else if (o->suppress_context != runtime().true_ && context && context != none() &&
               exception_check(context) && !seen_before(c, context)) {
      next = context;
      link = "\nDuring handling of the above exception, another exception occurred:\n\n";
    }
    if (next) c.seen.push_back(next);
    cur = next;
  }
  for (std::size_t k = chain.size(); k-- > 0;) {
    Value x = chain[k].second;
    // Before x comes the sentence that links it to its own cause or context.
    if (k + 1 < chain.size()) emit(c, chain[k + 1].first, out);
    if (!is_group(x)) {
      Value tb = rd<ExceptionObject>(x)->traceback;
      if (tb && tb != none()) {
        std::string frames;
        format_traceback(t, tb, frames);
        emit(c, frames, out);
      }
      emit(c, exception_only(t, x), out);
    } else if (c.group_depth > kMaxGroupDepth) {
      emit(c, "... (max_group_depth is " + std::to_string(kMaxGroupDepth) + ")\n", out);
    } else {
      format_group(t, x, c, out);
    }
  }
}

} // namespace

bool chain_has_suggestion(Thread& t, Value exception) {
  // Causes and contexts, however linked; the bound stops a cycle.
  Value e = exception;
  for (int hops = 0; hops < 100 && e && e != none() && exception_check(e); ++hops) {
    if (!suggestion_for(t, e).empty()) return true;
    const ExceptionObject* o = rd<ExceptionObject>(e);
    e = o->cause && o->cause != none() ? o->cause : o->context;
  }
  clear_pending(t);
  return false;
}

std::string suggestion_suffix(Thread& t, Value exception) {
  std::string suggestion = exception_check(exception) ? suggestion_for(t, exception) : "";
  if (t.pending) clear_pending(t);
  return suggestion.empty() ? "" : ". Did you mean: '" + suggestion + "'?";
}

void format_exception(Thread& t, Value exception, std::string& out) {
  PrintContext c;
  if (!exception_check(exception)) {
    out += "TypeError: print_exception(): Exception expected for value, " +
           type_name_of(exception) + " found\n";
    return;
  }
  format_chain(t, exception, c, out);
}

} // namespace interp::vm
