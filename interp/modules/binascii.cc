// interp/modules/binascii.cc - the binascii module: base64, hex, uuencode and
// quoted-printable conversions, CRC-32 and CRC-CCITT, binascii.Error (a ValueError) and
// binascii.Incomplete. base64, email, secrets, uu and quopri build on it. The a2b_*
// functions take bytes-like objects and ASCII str; the b2a_* ones bytes-like objects only.
// Messages and error types are CPython 3.11's.
#include "interp/compile/opcodes.h"
#include "interp/modules/module_support.h"
#include "interp/modules/modules.h"
#include "interp/ops.h"

#include <algorithm>
#include <climits>
#include <cstring>
#include <zlib.h>

namespace interp {

bool need_buffer(Thread& t, Value v, std::string& out);                           // bytes.cc
bool buffer_contents(Thread& t, Value v, std::string& out, bool& error);          // bytes.cc
bool hex_with_separator(Thread& t, std::string_view data, Value sepv, Value perv, // bytes.cc
                        std::string& out, bool latin1_sep);

namespace {

Value raise_error(Thread& t, const char* message) {
  Value m = import_module(t, "binascii");
  Value cls = m ? getattr(t, m, intern_literal(t, "Error")) : Value();
  return cls ? raise(t, cls, message) : Value();
}

// The data of an a2b_* function: a bytes-like object or a str of ASCII characters.
bool ascii_data(Thread& t, Value v, std::string& out) {
  if (str_check(v)) {
    out = str_utf8(v);
    for (unsigned char c : out)
      if (c >= 0x80)
        return raise(t, exc(E_ValueError), "string argument should contain only ASCII characters"),
               false;
    return true;
  }
  bool error;
  if (buffer_contents(t, v, out, error)) return true;
  if (!error)
    raisef(t, exc(E_TypeError), "argument should be bytes, buffer or ASCII string, not '%s'",
           type_name_of(v).c_str());
  return false;
}

// The arguments of a function with parameters `names`: the first `posonly` positional
// only, the first `maxpos` positional, the first `required` required; the others keyword
// only. out[i] is parameter i's argument, 0 when absent.
bool parse_args(Thread& t, const char* fname, const Value* args, std::size_t nargs, Value kwnames,
                std::initializer_list<const char*> names, std::size_t posonly, std::size_t maxpos,
                std::size_t required, Value* out) {
  if (keyword_count(kwnames) && posonly >= names.size())
    return raisef(t, exc(E_TypeError), "%s() takes no keyword arguments", fname), false;
  if (!check_named_keywords(t, fname, kwnames, names, posonly)) return false;
  std::size_t npos = nargs - keyword_count(kwnames);
  if (npos > maxpos) {
    raisef(t, exc(E_TypeError), "%s() takes %s %zu positional argument%s (%zu given)", fname,
           required == maxpos ? "exactly" : "at most", maxpos, maxpos == 1 ? "" : "s", npos);
    return false;
  }
  return bind_arguments(t, fname, args, nargs, kwnames, names, posonly, required, out);
}

// A flag argument: absent is false.
bool flag(Thread& t, Value v, bool& out) {
  out = false;
  if (!v) return true;
  int truth = truthy(t, v);
  out = truth > 0;
  return truth >= 0;
}

// An unsigned int argument that keeps the low 32 bits of any int (CPython's bitwise
// conversion).
bool low_bits(Thread& t, Value v, std::uint32_t& out) {
  std::int64_t i;
  if (int_check(v) && !int_to_i64(v, i)) {
    Value masked = binary_op(t, v, int_from_i64(t, 0xffffffff), bytecode::BinaryOp::And);
    if (!masked || !int_to_i64(masked, i)) return false;
  } else if (!index_to_i64(t, v, i)) {
    return false;
  }
  out = std::uint32_t(std::uint64_t(i));
  return true;
}

// Bytes i, i+1, i+2 of `in` (zeros past its end) as a 24-bit number, first byte highest.
std::uint32_t three_bytes(const std::string& in, std::size_t i) {
  std::uint32_t group = 0;
  for (std::size_t k = i; k < i + 3; ++k)
    group = (group << 8) | (k < in.size() ? static_cast<unsigned char>(in[k]) : 0u);
  return group;
}

constexpr char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

// The 6-bit value of a base64 digit; 64 for anything else.
int base64_value(unsigned char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return 64;
}

int hex_value(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// a2b_base64(data, /, *, strict_mode=False). Without strict_mode, characters outside the
// alphabet are skipped, and decoding stops at the padding that completes a quad.
INTERP_NATIVE(a2b_base64) {
  Value a[2];
  if (!parse_args(t, "a2b_base64", args, nargs, kwnames, {"data", "strict_mode"}, 1, 1, 1, a))
    return {};
  std::string in;
  bool strict;
  if (!ascii_data(t, a[0], in) || !flag(t, a[1], strict)) return {};
  if (strict && !in.empty() && in[0] == '=') return raise_error(t, "Leading padding not allowed");
  std::string out;
  int quad = 0; // data characters of the current quad seen
  int pads = 0;
  bool padding = false;
  unsigned left = 0;
  for (std::size_t i = 0; i < in.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(in[i]);
    if (c == '=') {
      padding = true;
      if (quad >= 2 && quad + ++pads >= 4) {
        if (strict && i + 1 < in.size()) return raise_error(t, "Excess data after padding");
        return bytes_new(t, out);
      }
      continue;
    }
    int v = base64_value(c);
    if (v == 64) {
      if (strict) return raise_error(t, "Only base64 data is allowed");
      continue;
    }
    if (strict && padding) return raise_error(t, "Discontinuous padding not allowed");
    pads = 0;
    switch (quad) {
    case 0:
      left = unsigned(v);
      break;
    case 1:
      out.push_back(char((left << 2) | unsigned(v >> 4)));
      left = unsigned(v) & 0xf;
      break;
    case 2:
      out.push_back(char((left << 4) | unsigned(v >> 2)));
      left = unsigned(v) & 0x3;
      break;
    default:
      out.push_back(char((left << 6) | unsigned(v)));
      break;
    }
    quad = (quad + 1) % 4;
  }
  if (quad == 1) {
    char message[160];
    std::snprintf(message, sizeof message,
                  "Invalid base64-encoded string: number of data characters (%zu) cannot be 1 "
                  "more than a multiple of 4",
                  out.size() / 3 * 4 + 1);
    return raise_error(t, message);
  }
  if (quad) return raise_error(t, "Incorrect padding");
  return bytes_new(t, out);
}

// b2a_base64(data, /, *, newline=True)
INTERP_NATIVE(b2a_base64) {
  Value a[2];
  if (!parse_args(t, "b2a_base64", args, nargs, kwnames, {"data", "newline"}, 1, 1, 1, a))
    return {};
  std::string in;
  if (!need_buffer(t, a[0], in)) return {};
  bool newline = true;
  if (a[1] && !flag(t, a[1], newline)) return {};
  std::string out;
  out.reserve((in.size() + 2) / 3 * 4 + 1);
  for (std::size_t i = 0; i < in.size(); i += 3) {
    std::size_t n = std::min<std::size_t>(3, in.size() - i);
    std::uint32_t group = three_bytes(in, i);
    for (std::size_t k = 0; k < 4; ++k)
      out.push_back(k <= n ? kBase64[(group >> (18 - 6 * k)) & 63] : '=');
  }
  if (newline) out.push_back('\n');
  return bytes_new(t, out);
}

Value hexlify(Thread& t, const char* fname, const Value* args, std::size_t nargs, Value kwnames) {
  Value a[3];
  if (!parse_args(t, fname, args, nargs, kwnames, {"data", "sep", "bytes_per_sep"}, 0, 3, 1, a))
    return {};
  std::string in, out;
  if (!need_buffer(t, a[0], in) || !hex_with_separator(t, in, a[1], a[2], out, true)) return {};
  return bytes_new(t, out);
}

// hexlify(data, sep=<none>, bytes_per_sep=1), also named b2a_hex.
INTERP_NATIVE(b2a_hex) {
  return hexlify(t, "b2a_hex", args, nargs, kwnames);
}
INTERP_NATIVE(binascii_hexlify) {
  return hexlify(t, "hexlify", args, nargs, kwnames);
}

Value unhexlify(Thread& t, const char* fname, const Value* args, std::size_t nargs, Value kwnames) {
  if (!check_positional(t, fname, nargs, kwnames, 1, 1, 0)) return {};
  std::string in;
  if (!ascii_data(t, args[0], in)) return {};
  if (in.size() % 2) return raise_error(t, "Odd-length string");
  std::string out;
  out.reserve(in.size() / 2);
  for (std::size_t i = 0; i < in.size(); i += 2) {
    int hi = hex_value(static_cast<unsigned char>(in[i]));
    int lo = hex_value(static_cast<unsigned char>(in[i + 1]));
    if (hi < 0 || lo < 0) return raise_error(t, "Non-hexadecimal digit found");
    out.push_back(char(hi * 16 + lo));
  }
  return bytes_new(t, out);
}

// unhexlify(hexstr, /), also named a2b_hex.
INTERP_NATIVE(a2b_hex) {
  return unhexlify(t, "binascii.a2b_hex", args, nargs, kwnames);
}
INTERP_NATIVE(binascii_unhexlify) {
  return unhexlify(t, "binascii.unhexlify", args, nargs, kwnames);
}

// crc32(data, crc=0, /): the CRC-32 of ISO 3309 / ITU-T V.42, from the zlib library.
INTERP_NATIVE(crc32) {
  if (kwnames) return raise(t, exc(E_TypeError), "binascii.crc32() takes no keyword arguments");
  if (!check_positional(t, "crc32", nargs, kwnames, 1, 2, 0)) return {};
  std::string in;
  std::uint32_t crc = 0;
  if (!need_buffer(t, args[0], in) || (nargs > 1 && !low_bits(t, args[1], crc))) return {};
  uLong sum = crc;
  for (std::size_t at = 0; at < in.size(); at += UINT_MAX)
    sum = ::crc32(sum, reinterpret_cast<const Bytef*>(in.data() + at),
                  uInt(std::min<std::size_t>(in.size() - at, UINT_MAX)));
  crc = std::uint32_t(sum);
  return int_from_i64(t, std::int64_t(crc));
}

// crc_hqx(data, crc, /): CRC-CCITT (polynomial 0x1021, most significant bit first, no
// final xor), as BinHex 4 uses.
INTERP_NATIVE(crc_hqx) {
  if (kwnames) return raise(t, exc(E_TypeError), "binascii.crc_hqx() takes no keyword arguments");
  if (!check_positional(t, "crc_hqx", nargs, kwnames, 2, 2, 0)) return {};
  std::string in;
  std::uint32_t crc;
  if (!need_buffer(t, args[0], in) || !low_bits(t, args[1], crc)) return {};
  crc &= 0xffff;
  for (unsigned char c : in) {
    crc ^= std::uint32_t(c) << 8;
    for (int k = 0; k < 8; ++k)
      crc = (crc & 0x8000 ? (crc << 1) ^ 0x1021 : crc << 1) & 0xffff;
  }
  return int_from_i64(t, crc);
}

// a2b_uu(data, /): one uuencoded line; its first character gives the length.
INTERP_NATIVE(a2b_uu) {
  if (!check_positional(t, "binascii.a2b_uu", nargs, kwnames, 1, 1, 0)) return {};
  std::string in;
  if (!ascii_data(t, args[0], in)) return {};
  std::size_t length = (static_cast<unsigned char>(in.empty() ? 0 : in[0]) - ' ') & 63;
  std::string out;
  unsigned left = 0;
  int bits = 0;
  std::size_t i = 1;
  for (; out.size() < length; ++i) {
    unsigned c = i < in.size() ? static_cast<unsigned char>(in[i]) : 0;
    if (i >= in.size() || c == '\n' || c == '\r') {
      c = 0; // trailing spaces that were stripped
    } else {
      // '`' (one past the 64 digits) stands for 0 in some encoders.
      if (c < ' ' || c > ' ' + 64) return raise_error(t, "Illegal char");
      c = (c - ' ') & 63;
    }
    left = (left << 6) | c;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(char(left >> bits));
      left &= (1u << bits) - 1;
    }
  }
  for (; i < in.size(); ++i) {
    char c = in[i];
    if (c != ' ' && c != ' ' + 64 && c != '\n' && c != '\r')
      return raise_error(t, "Trailing garbage");
  }
  return bytes_new(t, out);
}

// b2a_uu(data, /, *, backtick=False): one uuencoded line of at most 45 bytes.
INTERP_NATIVE(b2a_uu) {
  Value a[2];
  if (!parse_args(t, "b2a_uu", args, nargs, kwnames, {"data", "backtick"}, 1, 1, 1, a)) return {};
  std::string in;
  bool backtick;
  if (!need_buffer(t, a[0], in) || !flag(t, a[1], backtick)) return {};
  if (in.size() > 45) return raise_error(t, "At most 45 bytes at once");
  auto digit = [&](unsigned v) { return char(backtick && !v ? '`' : ' ' + v); };
  std::string out(1, digit(unsigned(in.size())));
  for (std::size_t i = 0; i < in.size(); i += 3) {
    std::uint32_t group = three_bytes(in, i);
    for (int k = 0; k < 4; ++k)
      out.push_back(digit((group >> (18 - 6 * k)) & 63));
  }
  out.push_back('\n');
  return bytes_new(t, out);
}

// a2b_qp(data, header=False): quoted-printable (RFC 1521) to bytes; with header, '_'
// stands for a space (RFC 1522).
INTERP_NATIVE(a2b_qp) {
  Value a[2];
  if (!parse_args(t, "a2b_qp", args, nargs, kwnames, {"data", "header"}, 0, 2, 1, a)) return {};
  std::string in;
  bool header;
  if (!ascii_data(t, a[0], in) || !flag(t, a[1], header)) return {};
  std::string out;
  std::size_t n = in.size();
  for (std::size_t i = 0; i < n;) {
    unsigned char c = static_cast<unsigned char>(in[i]);
    if (c != '=') {
      out.push_back(header && c == '_' ? ' ' : char(c));
      ++i;
      continue;
    }
    if (++i >= n) break;
    c = static_cast<unsigned char>(in[i]);
    if (c == '\n' || c == '\r') {
      // A soft line break: skip to the end of the line.
      while (i < n && in[i] != '\n')
        ++i;
      if (i < n) ++i;
    } else if (c == '=') {
      out.push_back('=');
      ++i;
    } else if (i + 1 < n && hex_value(c) >= 0 &&
               hex_value(static_cast<unsigned char>(in[i + 1])) >= 0) {
      out.push_back(char(hex_value(c) * 16 + hex_value(static_cast<unsigned char>(in[i + 1]))));
      i += 2;
    } else {
      out.push_back('=');
    }
  }
  return bytes_new(t, out);
}

// b2a_qp(data, quotetabs=False, istext=True, header=False): bytes to quoted-printable,
// lines at most 76 characters (soft breaks "=\n"), keeping the data's line ends (CRLF
// when its first line ends so) when istext.
INTERP_NATIVE(b2a_qp) {
  Value a[4];
  if (!parse_args(t, "b2a_qp", args, nargs, kwnames, {"data", "quotetabs", "istext", "header"}, 0,
                  4, 1, a))
    return {};
  std::string in;
  bool quotetabs, istext = true, header;
  if (!need_buffer(t, a[0], in) || !flag(t, a[1], quotetabs) || (a[2] && !flag(t, a[2], istext)) ||
      !flag(t, a[3], header))
    return {};
  constexpr std::size_t kMaxLine = 76;
  static const char kHex[] = "0123456789ABCDEF";
  std::size_t first_newline = in.find('\n');
  bool crlf =
      first_newline != std::string::npos && first_newline > 0 && in[first_newline - 1] == '\r';
  const char* line_end = crlf ? "\r\n" : "\n";
  std::string out;
  std::size_t n = in.size(), line = 0;
  auto quote = [&](unsigned char c) {
    out.push_back('=');
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 15]);
  };
  for (std::size_t i = 0; i < n;) {
    unsigned char c = static_cast<unsigned char>(in[i]);
    bool last = i + 1 == n;
    unsigned char next = last ? 0 : static_cast<unsigned char>(in[i + 1]);
    bool must_quote =
        c > 126 || c == '=' || (header && c == '_') ||
        (c == '.' && line == 0 && (last || next == '\n' || next == '\r' || next == 0)) ||
        (!istext && (c == '\r' || c == '\n')) || ((c == '\t' || c == ' ') && last) ||
        (c < 33 && c != '\r' && c != '\n' && (quotetabs || (c != '\t' && c != ' ')));
    if (must_quote) {
      if (line + 3 >= kMaxLine) {
        out.push_back('=');
        out += line_end;
        line = 0;
      }
      quote(c);
      line += 3;
      ++i;
    } else if (istext && (c == '\n' || (c == '\r' && next == '\n'))) {
      // Whitespace before a line end is quoted, so that it survives.
      if (!out.empty() && (out.back() == ' ' || out.back() == '\t')) {
        unsigned char ws = static_cast<unsigned char>(out.back());
        out.pop_back();
        quote(ws);
      }
      out += line_end;
      line = 0;
      i += c == '\r' ? 2 : 1;
    } else {
      if (!last && next != '\n' && line + 1 >= kMaxLine) {
        out.push_back('=');
        out += line_end;
        line = 0;
      }
      ++line;
      out.push_back(header && c == ' ' ? '_' : char(c));
      ++i;
    }
  }
  return bytes_new(t, out);
}

} // namespace

Value make_binascii_module(Thread& t) {
  static const ModuleFunction kFunctions[] = {
      {"a2b_base64", a2b_base64},
      {"b2a_base64", b2a_base64},
      {"a2b_hex", a2b_hex},
      {"b2a_hex", b2a_hex},
      {"hexlify", binascii_hexlify},
      {"unhexlify", binascii_unhexlify},
      {"crc32", crc32},
      {"crc_hqx", crc_hqx},
      {"a2b_uu", a2b_uu},
      {"b2a_uu", b2a_uu},
      {"a2b_qp", a2b_qp},
      {"b2a_qp", b2a_qp},
  };
  Value m = new_module(t, "binascii", kFunctions, std::size(kFunctions));
  if (!m) return {};
  Value error = new_exception_type(t, "Error", "binascii", exc(E_ValueError));
  Value incomplete =
      error ? new_exception_type(t, "Incomplete", "binascii", exc(E_Exception)) : Value();
  if (!incomplete) return {};
  module_set(t, m, "Error", error);
  module_set(t, m, "Incomplete", incomplete);
  return m;
}

} // namespace interp
