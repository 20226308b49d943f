// Runs cases.txt (written by gen_cases.py from python3.11) through interp/text: the
// str and bytes methods, repr/ascii and the codecs. A str case whose text is ASCII is
// run in both storage forms (narrow and UTF-32); a bytes case in the narrow form with
// bytes rules.
#define BOOST_TEST_MODULE text_cases
#include <boost/test/unit_test.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

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

using namespace interp::text;

namespace {

// A Python value as cases.txt writes it.
struct Value {
  char kind = 'n';     // s str, b bytes, i int, t bool, n None, l list, e exception
  std::u32string text; // s: code points; b: byte values
  long long number = 0;
  std::vector<Value> items;
  std::string error; // e: everything after "e:"

  bool operator==(const Value&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Value& v) {
  os << v.kind << ':';
  if (v.kind == 'i' || v.kind == 't') os << v.number;
  if (v.kind == 'e') os << v.error;
  if (v.kind == 's' || v.kind == 'b') {
    for (char32_t c : v.text)
      os << std::hex << unsigned(c) << '.' << std::dec;
  }
  if (v.kind == 'l') {
    os << '[';
    for (const Value& item : v.items)
      os << item << ' ';
    os << ']';
  }
  return os;
}

std::vector<std::string> split_on(const std::string& s, char sep) {
  std::vector<std::string> parts;
  std::string part;
  std::istringstream in(s);
  while (std::getline(in, part, sep))
    parts.push_back(part);
  if (!s.empty() && s.back() == sep) parts.push_back("");
  return parts;
}

Value parse(const std::string& field) {
  Value v;
  std::string body = field.substr(2);
  v.kind = field[0];
  switch (v.kind) {
  case 'a':
    v.kind = 's';
    for (char c : body)
      v.text += static_cast<char32_t>(c);
    break;
  case 's':
  case 'b':
    if (!body.empty()) {
      for (const std::string& hex : split_on(body, '.'))
        v.text += static_cast<char32_t>(std::stoul(hex, nullptr, 16));
    }
    break;
  case 'i':
  case 't':
    v.number = std::stoll(body);
    v.kind = field[0];
    break;
  case 'l':
    if (!body.empty()) {
      for (const std::string& item : split_on(body, ','))
        v.items.push_back(parse(item));
    }
    break;
  case 'e':
    v.error = body;
    break;
  }
  return v;
}

bool is_ascii(const std::u32string& s) {
  for (char32_t c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

// The code units of a str/bytes argument in storage form C.
template <CodeUnit C> String<C> units(const Value& v) {
  String<C> out;
  for (char32_t c : v.text)
    out += static_cast<C>(c);
  return out;
}

// A text result as a Value of the flavor's type.
template <CodeUnit C> Value text_value(View<C> s, Flavor flavor) {
  Value v;
  v.kind = flavor == Flavor::bytes ? 'b' : 's';
  for (C c : s)
    v.text += ordinal(c);
  return v;
}

Value int_value(long long n) {
  Value v;
  v.kind = 'i';
  v.number = n;
  return v;
}

Value bool_value(bool b) {
  Value v;
  v.kind = 't';
  v.number = b;
  return v;
}

Value error_value(const TextError& e) {
  Value v;
  v.kind = 'e';
  v.error =
      std::string(e.kind == TextErrorKind::value_error ? "ValueError" : "Error") + "|" + e.message;
  return v;
}

template <CodeUnit C> Value pieces_value(const Pieces<C>& pieces, Flavor flavor) {
  Value v;
  v.kind = 'l';
  for (View<C> piece : pieces)
    v.items.push_back(text_value<C>(piece, flavor));
  return v;
}

Value codec_error_value(const CodecError& e) {
  Value v;
  v.kind = 'e';
  switch (e.kind) {
  case CodecError::Kind::decode:
  case CodecError::Kind::encode:
    v.error = std::string(e.kind == CodecError::Kind::decode ? "UnicodeDecodeError"
                                                             : "UnicodeEncodeError") +
              "|" + e.message() + "|" + e.encoding + "|" + std::to_string(e.start) + "|" +
              std::to_string(e.end) + "|" + e.reason;
    break;
  case CodecError::Kind::unknown_encoding:
  case CodecError::Kind::unknown_error_handler:
    v.error = "LookupError|" + e.message();
    break;
  case CodecError::Kind::handler_type_error:
    v.error = "TypeError|" + e.message();
    break;
  case CodecError::Kind::unsupported_handler:
    v.error = "unsupported|" + e.message();
    break;
  }
  return v;
}

std::string narrow(const std::u32string& s) {
  std::string out;
  for (char32_t c : s)
    out += static_cast<char>(c);
  return out;
}

// Evaluates one case in storage form C; `flavor` is bytes for bytes objects.
template <CodeUnit C>
Value run(const std::string& method, const std::vector<Value>& args, Flavor flavor) {
  const String<C> self = units<C>(args[0]);
  const View<C> s = self;
  auto arg_text = [&](std::size_t i) { return units<C>(args[i]); };
  auto text = [&](String<C> r) { return text_value<C>(r, flavor); };
  if (method == "find")
    return int_value(str_find<C>(s, arg_text(1), args[2].number, args[3].number));
  if (method == "rfind")
    return int_value(str_rfind<C>(s, arg_text(1), args[2].number, args[3].number));
  if (method == "count")
    return int_value(str_count<C>(s, arg_text(1), args[2].number, args[3].number));
  if (method == "startswith")
    return bool_value(str_startswith<C>(s, arg_text(1), args[2].number, args[3].number));
  if (method == "endswith")
    return bool_value(str_endswith<C>(s, arg_text(1), args[2].number, args[3].number));
  if (method == "replace") return text(str_replace<C>(s, arg_text(1), arg_text(2), args[3].number));
  if (method == "split" || method == "rsplit") {
    bool right = method == "rsplit";
    if (args[1].kind == 'n') {
      return pieces_value<C>(right ? str_rsplit_whitespace<C>(s, args[2].number, flavor)
                                   : str_split_whitespace<C>(s, args[2].number, flavor),
                             flavor);
    }
    String<C> sep = arg_text(1);
    auto result =
        right ? str_rsplit<C>(s, sep, args[2].number) : str_split<C>(s, sep, args[2].number);
    if (!result.ok()) return error_value(result.error());
    return pieces_value<C>(result.value(), flavor);
  }
  if (method == "partition" || method == "rpartition") {
    String<C> sep = arg_text(1);
    auto result = method == "partition" ? str_partition<C>(s, sep) : str_rpartition<C>(s, sep);
    if (!result.ok()) return error_value(result.error());
    Pieces<C> pieces(result.value().begin(), result.value().end());
    return pieces_value<C>(pieces, flavor);
  }
  if (method == "splitlines")
    return pieces_value<C>(str_splitlines<C>(s, args[1].number, flavor), flavor);
  if (method == "strip" || method == "lstrip" || method == "rstrip") {
    StripSide side = method == "strip"    ? StripSide::both
                     : method == "lstrip" ? StripSide::left
                                          : StripSide::right;
    String<C> chars = arg_text(1);
    std::optional<View<C>> set;
    if (args[1].kind != 'n') set = View<C>(chars);
    return text_value<C>(str_strip<C>(s, set, side, flavor), flavor);
  }
  if (method == "expandtabs") return text(str_expandtabs<C>(s, args[1].number));
  if (method == "center") return text(str_center<C>(s, args[1].number, arg_text(2)[0]));
  if (method == "ljust") return text(str_ljust<C>(s, args[1].number, arg_text(2)[0]));
  if (method == "rjust") return text(str_rjust<C>(s, args[1].number, arg_text(2)[0]));
  if (method == "zfill") return text(str_zfill<C>(s, args[1].number));
  if (method == "join") {
    std::vector<String<C>> storage;
    for (const Value& item : args[1].items)
      storage.push_back(units<C>(item));
    std::vector<View<C>> parts(storage.begin(), storage.end());
    return text(str_join<C>(s, parts));
  }
  if (method == "repr") {
    if constexpr (std::same_as<C, char>) {
      if (flavor == Flavor::bytes) {
        std::string r = bytes_repr(s);
        return text_value<char>(r, Flavor::str);
      }
    }
    return text_value<C>(str_repr<C>(s), Flavor::str);
  }
  if (method == "ascii") return text_value<char>(str_ascii<C>(s), Flavor::str);
  if (method == "lower") return text(str_lower<C>(s));
  if (method == "upper") return text(str_upper<C>(s));
  if (method == "title") return text(str_title<C>(s));
  if (method == "capitalize") return text(str_capitalize<C>(s));
  if (method == "swapcase") return text(str_swapcase<C>(s));
  if (method == "casefold") return text(str_casefold<C>(s));
  if (method == "isalpha") return bool_value(str_isalpha<C>(s, flavor));
  if (method == "isalnum") return bool_value(str_isalnum<C>(s, flavor));
  if (method == "isdigit") return bool_value(str_isdigit<C>(s, flavor));
  if (method == "isspace") return bool_value(str_isspace<C>(s, flavor));
  if (method == "islower") return bool_value(str_islower<C>(s, flavor));
  if (method == "isupper") return bool_value(str_isupper<C>(s, flavor));
  if (method == "istitle") return bool_value(str_istitle<C>(s, flavor));
  if (method == "isascii") return bool_value(str_isascii<C>(s));
  if (method == "isdecimal") return bool_value(str_isdecimal<C>(s));
  if (method == "isnumeric") return bool_value(str_isnumeric<C>(s));
  if (method == "isprintable") return bool_value(str_isprintable<C>(s));
  if (method == "isidentifier") return bool_value(is_identifier<C>(s));
  if (method == "decode") {
    std::string bytes = narrow(args[0].text);
    auto result = decode(bytes, narrow(args[1].text), narrow(args[2].text));
    if (!result.ok()) return codec_error_value(result.error());
    return text_value<char32_t>(result.value(), Flavor::str);
  }
  if (method == "encode") {
    auto result = encode<C>(s, narrow(args[1].text), narrow(args[2].text));
    if (!result.ok()) return codec_error_value(result.error());
    return text_value<char>(result.value(), Flavor::bytes);
  }
  BOOST_FAIL("unknown method " << method);
  return Value{};
}

} // namespace

BOOST_AUTO_TEST_CASE(every_case_matches_python) {
  std::ifstream in(std::string(TEXT_TEST_DATA_DIR) + "/cases.txt");
  BOOST_REQUIRE(in.good());
  std::string line;
  int cases = 0;
  int failures = 0;
  while (std::getline(in, line)) {
    std::vector<std::string> fields = split_on(line, '\t');
    BOOST_REQUIRE(fields.size() >= 3);
    const std::string& method = fields[0];
    std::vector<Value> args;
    std::size_t i = 1;
    for (; fields[i] != "=>"; ++i)
      args.push_back(parse(fields[i]));
    Value expected = parse(fields[i + 1]);
    ++cases;
    auto check = [&](const Value& got, const char* form) {
      if (got == expected) return;
      if (++failures <= 40) {
        BOOST_ERROR(form << " form: " << line << "\n   got " << got << "\n   expected "
                         << expected);
      }
    };
    if (method == "decode") {
      check(run<char32_t>(method, args, Flavor::str), "bytes");
    } else if (args[0].kind == 'b') {
      check(run<char>(method, args, Flavor::bytes), "bytes");
    } else {
      check(run<char32_t>(method, args, Flavor::str), "utf-32");
      bool all_ascii = is_ascii(args[0].text);
      for (const Value& a : args)
        all_ascii &= is_ascii(a.text);
      for (const Value& a : args) {
        for (const Value& item : a.items)
          all_ascii &= is_ascii(item.text);
      }
      if (all_ascii) check(run<char>(method, args, Flavor::str), "narrow");
    }
  }
  BOOST_TEST_MESSAGE(cases << " cases");
  BOOST_CHECK_GT(cases, 10000);
  BOOST_CHECK_EQUAL(failures, 0);
}
