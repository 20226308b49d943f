// interp/compile/code_serial.cc - see code_serial.h.
//
// Layout of a unit: name, qualname, filename, firstlineno, argcount, posonlyargcount,
// kwonlyargcount, flags, stacksize, the instructions, the constants, names, varnames,
// cellvars, freevars, cell_args, locations, the exception table, docstring. Unsigned
// numbers are LEB128 varints, signed ones zigzag-coded first; strings and lists are a
// count, then their items. A constant is a tag byte and its value.
#include "interp/compile/code_serial.h"

#include "interp/compile/stack_check.h"

#include <cctype>
#include <cstring>
#include <link.h>
#include <optional>
#include <sys/stat.h>

namespace interp::bytecode {

namespace {

std::uint64_t fnv1a(const unsigned char* p, std::size_t n,
                    std::uint64_t h = 14695981039346656037ull) {
  for (std::size_t i = 0; i < n; ++i)
    h = (h ^ p[i]) * 1099511628211ull;
  return h;
}

// The GNU build-id note of the loaded object that holds this function's code.
struct BuildIdSearch {
  std::uintptr_t address;
  std::string id;
};

int find_build_id(dl_phdr_info* info, std::size_t, void* data) {
  auto* search = static_cast<BuildIdSearch*>(data);
  bool mine = false;
  for (int i = 0; i < info->dlpi_phnum && !mine; ++i) {
    const ElfW(Phdr)& ph = info->dlpi_phdr[i];
    std::uintptr_t start = info->dlpi_addr + ph.p_vaddr;
    mine = ph.p_type == PT_LOAD && search->address >= start && search->address < start + ph.p_memsz;
  }
  if (!mine) return 0;
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    const ElfW(Phdr)& ph = info->dlpi_phdr[i];
    if (ph.p_type != PT_NOTE) continue;
    auto* p = reinterpret_cast<const unsigned char*>(info->dlpi_addr + ph.p_vaddr);
    const unsigned char* end = p + ph.p_memsz;
    while (p + sizeof(ElfW(Nhdr)) <= end) {
      ElfW(Nhdr) note;
      std::memcpy(&note, p, sizeof note);
      const unsigned char* name = p + sizeof note;
      const unsigned char* desc = name + ((note.n_namesz + 3) & ~3u);
      if (desc + note.n_descsz > end) break;
      if (note.n_type == NT_GNU_BUILD_ID && note.n_namesz == 4 &&
          std::memcmp(name, "GNU", 4) == 0) {
        search->id.assign(reinterpret_cast<const char*>(desc), note.n_descsz);
        return 1;
      }
      p = desc + ((note.n_descsz + 3) & ~3u);
    }
  }
  return 1;
}

std::string compute_build_magic() {
  BuildIdSearch search{reinterpret_cast<std::uintptr_t>(&find_build_id), {}};
  dl_iterate_phdr(find_build_id, &search);
  std::uint64_t h;
  if (!search.id.empty()) {
    h = fnv1a(reinterpret_cast<const unsigned char*>(search.id.data()), search.id.size());
  } else {
    struct stat st {};
    ::stat("/proc/self/exe", &st);
    std::int64_t facts[3] = {std::int64_t(st.st_size), std::int64_t(st.st_mtim.tv_sec),
                             std::int64_t(st.st_mtim.tv_nsec)};
    h = fnv1a(reinterpret_cast<const unsigned char*>(facts), sizeof facts);
  }
  std::string magic(4, '\0');
  for (int i = 0; i < 4; ++i)
    magic[i] = char((h >> (8 * i)) & 0xff);
  return magic;
}

class Writer {
public:
  explicit Writer(std::string& out) : out_(out) {}

  void number(std::uint64_t n) {
    while (n >= 0x80) {
      out_.push_back(char(n | 0x80));
      n >>= 7;
    }
    out_.push_back(char(n));
  }
  void signed_number(std::int64_t n) { number((std::uint64_t(n) << 1) ^ std::uint64_t(n >> 63)); }
  void text(std::string_view s) {
    number(s.size());
    out_.append(s);
  }
  void raw_double(double d) {
    char b[8];
    std::memcpy(b, &d, 8);
    out_.append(b, 8);
  }
  void names(const std::vector<std::string>& list) {
    number(list.size());
    for (const std::string& s : list)
      text(s);
  }
  void items(char tag, const std::vector<Constant>& list) {
    out_.push_back(tag);
    number(list.size());
    for (const Constant& c : list)
      constant(c);
  }

  void constant(const Constant& c) {
    std::visit(
        [&](const auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, ast::NoneValue>) {
            out_.push_back('N');
          } else if constexpr (std::is_same_v<T, ast::EllipsisValue>) {
            out_.push_back('.');
          } else if constexpr (std::is_same_v<T, bool>) {
            out_.push_back(v ? 'T' : 'F');
          } else if constexpr (std::is_same_v<T, ast::IntLiteral>) {
            out_.push_back('i');
            text(v.text);
          } else if constexpr (std::is_same_v<T, double>) {
            out_.push_back('g');
            raw_double(v);
          } else if constexpr (std::is_same_v<T, ComplexValue>) {
            out_.push_back('y');
            raw_double(v.real);
            raw_double(v.imag);
          } else if constexpr (std::is_same_v<T, std::u32string>) {
            out_.push_back('u');
            number(v.size());
            for (char32_t cp : v)
              number(cp);
          } else if constexpr (std::is_same_v<T, ast::BytesValue>) {
            out_.push_back('b');
            text(v.bytes);
          } else if constexpr (std::is_same_v<T, std::shared_ptr<const ConstTuple>>) {
            items('(', v->items);
          } else if constexpr (std::is_same_v<T, std::shared_ptr<const ConstFrozenSet>>) {
            items('>', v->items);
          } else {
            out_.push_back('c');
            unit(*v);
          }
        },
        c);
  }

  void unit(const CodeUnit& u) {
    text(u.name);
    text(u.qualname);
    text(u.filename);
    signed_number(u.firstlineno);
    for (std::uint32_t n : {u.argcount, u.posonlyargcount, u.kwonlyargcount, u.flags, u.stacksize})
      number(n);
    number(u.code.size());
    for (Instruction insn : u.code)
      number(insn);
    number(u.consts.size());
    for (const Constant& c : u.consts)
      constant(c);
    names(u.names);
    names(u.varnames);
    names(u.cellvars);
    names(u.freevars);
    number(u.cell_args.size());
    for (int a : u.cell_args)
      signed_number(a);
    number(u.locations.size());
    for (const Location& at : u.locations) {
      signed_number(at.line);
      signed_number(at.end_line - at.line);
      signed_number(at.col);
      signed_number(at.end_col);
    }
    number(u.exception_table.size());
    for (const ExceptionEntry& e : u.exception_table) {
      for (std::uint32_t n : {e.start, e.end, e.target, e.depth})
        number(n);
      out_.push_back(e.push_lasti ? 1 : 0);
    }
    signed_number(u.docstring);
  }

private:
  std::string& out_;
};

class Reader {
public:
  Reader(std::string_view data, std::size_t pos) : data_(data), pos_(pos) {}
  std::size_t position() const { return pos_; }

  // The first problem found stops reading: the position moves to the end, so every later
  // read finds nothing (counts read as 0, loops end) and the first error is the one kept.
  const std::optional<SerialError>& error() const { return error_; }
  void fail(bool truncated, std::string message) {
    if (!error_) error_ = SerialError{truncated, std::move(message)};
    pos_ = data_.size();
  }
  void short_data() { fail(true, "marshal data too short"); }
  void bad(const std::string& what) { fail(false, "bad marshal data (" + what + ")"); }

  unsigned char byte() {
    if (pos_ >= data_.size()) {
      short_data();
      return 0;
    }
    return static_cast<unsigned char>(data_[pos_++]);
  }
  std::uint64_t number() {
    if (pos_ < data_.size() && static_cast<unsigned char>(data_[pos_]) < 0x80)
      return static_cast<unsigned char>(data_[pos_++]); // most numbers are one byte
    std::uint64_t n = 0;
    for (int shift = 0;; shift += 7) {
      unsigned char b = byte();
      if (shift > 63 || (shift == 63 && (b & 0x7e))) {
        bad("number out of range");
        return 0;
      }
      n |= std::uint64_t(b & 0x7f) << shift;
      if (!(b & 0x80)) return n;
    }
  }
  std::int64_t signed_number() {
    std::uint64_t z = number();
    return std::int64_t(z >> 1) ^ -std::int64_t(z & 1);
  }
  int small_signed() {
    std::int64_t n = signed_number();
    if (n < INT32_MIN || n > INT32_MAX) {
      bad("number out of range");
      return 0;
    }
    return int(n);
  }
  std::uint32_t small_number() {
    std::uint64_t n = number();
    if (n > UINT32_MAX) {
      bad("number out of range");
      return 0;
    }
    return std::uint32_t(n);
  }
  // A count of items that take at least `item_size` bytes each.
  std::size_t count(std::size_t item_size = 1) {
    std::uint64_t n = number();
    if (n > (data_.size() - pos_) / item_size) {
      short_data();
      return 0;
    }
    return std::size_t(n);
  }
  std::string_view bytes(std::size_t n) {
    if (n > data_.size() - pos_) {
      short_data();
      return {};
    }
    std::string_view s = data_.substr(pos_, n);
    pos_ += n;
    return s;
  }
  double raw_double() {
    std::string_view b = bytes(8);
    double d = 0;
    if (b.size() == 8) std::memcpy(&d, b.data(), 8);
    return d;
  }
  // UTF-8, with surrogates allowed (as str_utf8 writes them for lone surrogates).
  std::string text() {
    std::string_view s = bytes(count());
    for (std::size_t i = 0; i < s.size();) {
      auto c = static_cast<unsigned char>(s[i]);
      std::size_t len = c < 0x80             ? 1
                        : (c & 0xe0) == 0xc0 ? 2
                        : (c & 0xf0) == 0xe0 ? 3
                        : (c & 0xf8) == 0xf0 ? 4
                                             : 0;
      if (len == 0 || i + len > s.size()) {
        bad("invalid UTF-8");
        return {};
      }
      char32_t cp = len == 1 ? c : c & (0x7f >> len);
      for (std::size_t k = 1; k < len; ++k) {
        auto cc = static_cast<unsigned char>(s[i + k]);
        if ((cc & 0xc0) != 0x80) {
          bad("invalid UTF-8");
          return {};
        }
        cp = (cp << 6) | (cc & 0x3f);
      }
      static const char32_t kLeast[] = {0, 0, 0x80, 0x800, 0x10000};
      if (cp < kLeast[len] || cp > 0x10ffff) {
        bad("invalid UTF-8");
        return {};
      }
      i += len;
    }
    return std::string(s);
  }
  std::vector<std::string> names() {
    std::vector<std::string> list(count());
    for (std::string& s : list)
      s = text();
    return list;
  }

  // An int literal as the compiler writes it: an optional '-', then digits in base 10 or
  // after 0x / 0o / 0b.
  static bool int_literal(std::string_view s) {
    if (!s.empty() && s[0] == '-') s.remove_prefix(1);
    if (s.size() > 2 && s[0] == '0' && std::strchr("xXoObB", s[1])) {
      s.remove_prefix(2);
      for (char c : s)
        if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
      return true;
    }
    if (s.empty()) return false;
    for (char c : s)
      if (c < '0' || c > '9') return false;
    return true;
  }

  std::vector<Constant> items(int depth) {
    std::vector<Constant> list(count());
    for (Constant& c : list)
      c = constant(depth + 1);
    return list;
  }

  Constant constant(int depth) {
    if (depth > kMaxDepth) {
      bad("object too deeply nested");
      return ast::NoneValue{};
    }
    switch (char tag = char(byte())) {
    case 'N':
      return ast::NoneValue{};
    case '.':
      return ast::EllipsisValue{};
    case 'T':
    case 'F':
      return tag == 'T';
    case 'i': {
      std::string s = text();
      if (!int_literal(s)) {
        bad("invalid int constant");
        return ast::NoneValue{};
      }
      return ast::IntLiteral{std::move(s)};
    }
    case 'g':
      return raw_double();
    case 'y': {
      double re = raw_double();
      return ComplexValue{re, raw_double()};
    }
    case 'u': {
      std::u32string s(count(), U'\0');
      for (char32_t& cp : s) {
        std::uint64_t n = number();
        if (n > 0x10ffff) {
          bad("code point out of range");
          n = 0;
        }
        cp = char32_t(n);
      }
      return s;
    }
    case 'b':
      return ast::BytesValue{std::string(bytes(count()))};
    case '(': {
      auto tuple = std::make_shared<ConstTuple>();
      tuple->items = items(depth);
      return std::shared_ptr<const ConstTuple>(std::move(tuple));
    }
    case '>': {
      auto set = std::make_shared<ConstFrozenSet>();
      set->items = items(depth);
      return std::shared_ptr<const ConstFrozenSet>(std::move(set));
    }
    case 'c':
      if (auto u = unit(depth + 1)) return u;
      return ast::NoneValue{};
    default:
      bad("unknown constant type");
      return ast::NoneValue{};
    }
  }

  // 0 after an error.
  std::shared_ptr<const CodeUnit> unit(int depth) {
    if (depth > kMaxDepth) {
      bad("object too deeply nested");
      return nullptr;
    }
    auto u = std::make_shared<CodeUnit>();
    u->name = text();
    u->qualname = text();
    u->filename = text();
    u->firstlineno = small_signed();
    for (std::uint32_t* n :
         {&u->argcount, &u->posonlyargcount, &u->kwonlyargcount, &u->flags, &u->stacksize})
      *n = small_number();
    u->code.resize(count());
    for (Instruction& insn : u->code)
      insn = small_number();
    u->consts.resize(count());
    for (Constant& c : u->consts)
      c = constant(depth);
    u->names = names();
    u->varnames = names();
    u->cellvars = names();
    u->freevars = names();
    u->cell_args.resize(count());
    for (int& a : u->cell_args)
      a = small_signed();
    u->locations.resize(count(4));
    for (Location& at : u->locations) {
      at.line = small_signed();
      at.end_line = int(std::int64_t(at.line) + small_signed());
      at.col = small_signed();
      at.end_col = small_signed();
    }
    u->exception_table.resize(count(5));
    for (ExceptionEntry& e : u->exception_table) {
      for (std::uint32_t* n : {&e.start, &e.end, &e.target, &e.depth})
        *n = small_number();
      unsigned char lasti = byte();
      if (lasti > 1) bad("invalid exception table");
      e.push_lasti = lasti == 1;
    }
    u->docstring = small_signed();
    if (!error_) check_fields(*u);
    if (error_) return nullptr;
    return u;
  }

private:
  static constexpr int kMaxDepth = 2000;

  // What the VM relies on beyond compile::check_code's argument ranges and stack depths
  // (which deserialize_code runs on the whole unit once read).
  void check_fields(const CodeUnit& u) {
    std::size_t arguments = std::size_t(u.argcount) + u.kwonlyargcount +
                            ((u.flags & kVarargs) ? 1 : 0) + ((u.flags & kVarKeywords) ? 1 : 0);
    if (u.posonlyargcount > u.argcount || arguments > u.varnames.size())
      return bad("argument counts exceed co_varnames");
    if (u.stacksize > kMaxArgument) return bad("stack size out of range");
    if (u.cell_args.size() != u.cellvars.size()) return bad("cell arguments and cellvars differ");
    for (int a : u.cell_args)
      if (a < -1 || a >= int(u.varnames.size())) return bad("cell argument out of range");
    if (u.docstring < -1 || u.docstring >= int(u.consts.size()))
      return bad("docstring out of range");
    for (std::size_t i = 0; i < u.code.size(); ++i) {
      Op op = op_of(u.code[i]);
      std::uint32_t arg = arg_of(u.code[i]);
      bool ok = true;
      switch (op) {
      case Op::BINARY_OP:
        ok = arg <= unsigned(BinaryOp::InplaceXor);
        break;
      case Op::COMPARE_OP:
        ok = arg <= unsigned(CompareOp::Ge);
        break;
      case Op::FORMAT_VALUE:
        ok = arg <= 7;
        break;
      case Op::BUILD_SLICE:
        ok = arg == 2 || arg == 3;
        break;
      case Op::RAISE_VARARGS:
      case Op::GET_AWAITABLE:
        ok = arg <= 2;
        break;
      case Op::KW_NAMES:
        if (arg < u.consts.size()) {
          auto* names = std::get_if<std::shared_ptr<const ConstTuple>>(&u.consts[arg]);
          ok = names != nullptr;
          for (std::size_t k = 0; ok && k < (*names)->items.size(); ++k)
            ok = std::holds_alternative<std::u32string>((*names)->items[k]);
        }
        break;
      case Op::MAKE_FUNCTION: {
        // The compiler pushes the function's code right before MAKE_FUNCTION.
        Instruction before = i > 0 ? u.code[i - 1] : 0;
        ok = i > 0 && op_of(before) == Op::LOAD_CONST && arg_of(before) < u.consts.size() &&
             std::holds_alternative<std::shared_ptr<const CodeUnit>>(u.consts[arg_of(before)]);
        break;
      }
      default:
        break;
      }
      if (!ok) return bad(std::string("invalid argument of ") + op_name(op));
    }
  }

  std::string_view data_;
  std::size_t pos_;
  std::optional<SerialError> error_;
};

} // namespace

std::string_view build_magic() {
  static const std::string magic = compute_build_magic();
  return magic;
}

void serialize_code(const CodeUnit& unit, std::string& out) {
  out.append(build_magic());
  Writer(out).unit(unit);
}

std::variant<std::shared_ptr<const CodeUnit>, SerialError> deserialize_code(std::string_view data,
                                                                            std::size_t& pos) {
  Reader r(data, pos);
  std::string_view magic = r.bytes(4);
  if (r.error()) return *r.error();
  if (magic != build_magic())
    return SerialError{false, "bad marshal data (code object of another interpreter build)"};
  std::shared_ptr<const CodeUnit> unit = r.unit(0);
  if (!unit) return *r.error();
  if (auto problem = compile::check_code(*unit))
    return SerialError{false, "bad marshal data (" + *problem + ")"};
  pos = r.position();
  return unit;
}

} // namespace interp::bytecode
