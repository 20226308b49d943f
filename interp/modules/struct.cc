// interp/modules/struct.cc - the _struct module (what struct.py re-exports): converting
// between Python values and C structs laid out by a format string.
//
// A format is parsed once into a list of codes with their byte offsets (native '@' mode
// aligns each field as the C compiler would on this machine; the other modes pack
// without padding in a fixed byte order). A Struct object keeps its parsed codes in a
// Bytes object; the module-level functions keep a per-thread cache of parsed formats. Error types
// and wording are CPython 3.11's (struct.error for bad formats and values, OverflowError for floats
// too large, TypeError for wrong argument types).
#include "interp/modules/module_support.h"
#include "interp/modules/modules.h"
#include "interp/objects/numbers.h"
#include "interp/ops.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <unordered_map>
#include <vector>

namespace interp {

bool need_buffer(Thread& t, Value v, std::string& out); // bytes.cc

namespace {

enum class Order : std::uint8_t { Native, NativeStd, Little, Big };

struct Code {
  char code;
  std::uint8_t size; // of one item
  std::int64_t count;
  std::int64_t offset;
};

struct Parsed {
  Order order = Order::Native;
  std::int64_t size = 0;
  std::int64_t nargs = 0; // values packed / unpacked
  std::vector<Code> codes;
};

// Size of one item of `code` in the given mode, or 0 when the mode has no such code.
int item_size(char code, bool native) {
  switch (code) {
  case 'x':
  case 'c':
  case 'b':
  case 'B':
  case '?':
  case 's':
  case 'p':
    return 1;
  case 'h':
  case 'H':
  case 'e':
    return 2;
  case 'i':
  case 'I':
  case 'f':
    return 4;
  case 'l':
  case 'L':
    return native ? int(sizeof(long)) : 4;
  case 'q':
  case 'Q':
  case 'd':
    return 8;
  case 'n':
  case 'N':
    return native ? int(sizeof(std::size_t)) : 0;
  case 'P':
    return native ? int(sizeof(void*)) : 0;
  default:
    return 0;
  }
}

// Native alignment: the C alignment of the code's type (bytes and chars need none).
int item_alignment(char code) {
  switch (code) {
  case 'x':
  case 'c':
  case 'b':
  case 'B':
  case 's':
  case 'p':
    return 0;
  case '?':
    return alignof(bool);
  case 'e':
    return alignof(short);
  default:
    return item_size(code, true);
  }
}

// Parses a format; on failure returns the struct.error message in `error`.
bool parse_format(std::string_view format, Parsed& out, std::string& error) {
  if (format.find('\0') != std::string_view::npos) {
    error = "embedded null character";
    return false;
  }
  std::size_t i = 0;
  if (!format.empty()) {
    switch (format[0]) {
    case '@':
      i = 1;
      break;
    case '=':
      out.order = Order::NativeStd, i = 1;
      break;
    case '<':
      out.order = Order::Little, i = 1;
      break;
    case '>':
    case '!':
      out.order = Order::Big, i = 1;
      break;
    }
  }
  bool native = out.order == Order::Native;
  constexpr std::int64_t kMax = INT64_MAX;
  std::int64_t size = 0;
  while (i < format.size()) {
    char c = format[i++];
    if (c == ' ' || (c >= '\t' && c <= '\r')) continue;
    std::int64_t count = 1;
    if (c >= '0' && c <= '9') {
      count = c - '0';
      while (i < format.size() && format[i] >= '0' && format[i] <= '9') {
        std::int64_t digit = format[i++] - '0';
        if (count > (kMax - digit) / 10) {
          error = "total struct size too long";
          return false;
        }
        count = count * 10 + digit;
      }
      if (i >= format.size()) {
        error = "repeat count given without format specifier";
        return false;
      }
      c = format[i++];
    }
    int isize = item_size(c, native);
    if (isize == 0) {
      error = "bad char in struct format";
      return false;
    }
    int align = native ? item_alignment(c) : 0;
    if (align && size > 0) size += (align - 1) - (size - 1) % align;
    if (count > (kMax - size) / isize) {
      error = "total struct size too long";
      return false;
    }
    out.codes.push_back({c, std::uint8_t(isize), count, size});
    size += count * isize;
    if (c == 's' || c == 'p')
      out.nargs += 1;
    else if (c != 'x')
      out.nargs += count;
  }
  out.size = size;
  return true;
}

// ---- the Struct object ---------------------------------------------------------------------

struct StructObject : Object {
  Value format; // str
  Value codes;  // Bytes: Order, then the Code records; 0 before __init__
  Value size;   // int
};

Value struct_module(Thread& t) {
  return import_module(t, "_struct");
}

Value raise_struct_error(Thread& t, const std::string& message) {
  Value m = struct_module(t);
  Value cls = m ? getattr(t, m, intern_literal(t, "error")) : Value();
  return cls ? raise(t, cls, message) : Value();
}

std::string serialize(const Parsed& p) {
  std::string out(1, char(p.order));
  out.append(reinterpret_cast<const char*>(p.codes.data()), p.codes.size() * sizeof(Code));
  return out;
}

Parsed deserialize(Value bytes, std::int64_t size) {
  std::string_view data = bytes_view(bytes);
  Parsed p;
  p.order = Order(data[0]);
  p.size = size;
  p.codes.resize((data.size() - 1) / sizeof(Code));
  if (!p.codes.empty()) // an empty format has no codes, and data() may be null then
    std::memcpy(p.codes.data(), data.data() + 1, p.codes.size() * sizeof(Code));
  for (const Code& c : p.codes)
    p.nargs += c.code == 's' || c.code == 'p' ? 1 : c.code == 'x' ? 0 : c.count;
  return p;
}

// The format argument (str or bytes) as bytes of text, parsed.
bool format_arg(Thread& t, Value v, std::string& text, Parsed& p) {
  if (str_check(v)) {
    // str.encode('ascii') raises CPython's UnicodeEncodeError for anything else.
    Value encode = getattr(t, v, intern_literal(t, "encode"));
    Value ascii = encode ? call1(t, encode, intern_literal(t, "ascii")) : Value();
    if (!ascii) return false;
    text = std::string(bytes_view(ascii));
  } else if (isinstance(v, T_bytes)) {
    text = std::string(bytes_view(v));
  } else {
    raisef(t, exc(E_TypeError), "Struct() argument 1 must be a str or bytes object, not %s",
           type_name_of(v).c_str());
    return false;
  }
  std::string error;
  if (!parse_format(text, p, error)) return raise_struct_error(t, error), false;
  return true;
}

// The parsed format of a module-level call (struct.unpack(fmt, ...)), without making a
// Struct: formats come back again and again, so each thread keeps the last ones it parsed
// (the cache holds no heap references, so it needs no GC care, and an abort leaves it
// right).
bool module_parsed(Thread& t, Value format, Parsed& p) {
  thread_local std::unordered_map<std::string, Parsed> cache;
  std::string key; // empty: not cached (a str with more than ASCII goes the long way, which
                   // raises CPython's error)
  if (is_exact(format, T_bytes)) {
    key = std::string(bytes_view(format));
  } else if (is_exact(format, T_str)) {
    key = str_utf8(format);
    if (std::any_of(key.begin(), key.end(), [](char c) { return c & 0x80; })) key.clear();
  }
  if (!key.empty()) {
    if (auto found = cache.find(key); found != cache.end()) {
      p = found->second;
      return true;
    }
  }
  std::string text;
  if (!format_arg(t, format, text, p)) return false;
  if (p.size > (std::int64_t(1) << 61))
    return raise_struct_error(t, "total struct size too long"), false;
  if (key.empty()) return true;
  if (cache.size() >= 100) cache.clear(); // CPython's cache is cleared at 100 formats too
  cache.emplace(std::move(key), p);
  return true;
}

// The parsed struct of a Struct object.
bool struct_of(Thread& t, Value self, Parsed& p) {
  const StructObject* o = rd<StructObject>(self);
  if (!o->codes) return raise(t, exc(E_ValueError), "Struct object is not initialized"), false;
  p = deserialize(o->codes, o->size.small_int_value());
  return true;
}

// ---- packing -------------------------------------------------------------------------------

bool little_endian(Order order) {
  return order == Order::Little ||
         (order != Order::Big && std::endian::native == std::endian::little);
}

void store(unsigned char* at, std::uint64_t bits, int size, bool little) {
  for (int i = 0; i < size; ++i)
    at[little ? i : size - 1 - i] = static_cast<unsigned char>(bits >> (8 * i));
}

std::uint64_t load(const unsigned char* at, int size, bool little) {
  std::uint64_t bits = 0;
  for (int i = 0; i < size; ++i)
    bits |= std::uint64_t(at[little ? i : size - 1 - i]) << (8 * i);
  return bits;
}

// An integer argument: an int, or an object with __index__.
Value integer_arg(Thread& t, Value v) {
  if (int_check(v)) return v;
  Value index = lookup_special(t, v, N___index__);
  if (!index) {
    if (!t.pending) raise_struct_error(t, "required argument is not an integer");
    return {};
  }
  Value r = call0(t, index);
  if (r && !int_check(r))
    return raisef(t, exc(E_TypeError), "__index__ returned non-int (type %s)",
                  type_name_of(r).c_str());
  return r;
}

std::string range_message(char code, int size, bool is_unsigned) {
  std::uint64_t largest = size >= 8 ? UINT64_MAX : (std::uint64_t(1) << (8 * size)) - 1;
  char text[128];
  if (is_unsigned)
    std::snprintf(text, sizeof text, "'%c' format requires 0 <= number <= %llu", code,
                  static_cast<unsigned long long>(largest));
  else
    std::snprintf(text, sizeof text, "'%c' format requires %lld <= number <= %lld", code,
                  -static_cast<long long>(largest >> 1) - 1, static_cast<long long>(largest >> 1));
  return text;
}

// CPython packs with "native" routines in '@' mode, and also in '<' / '=' mode (on a
// little-endian machine) for the codes whose standard size is the native one; the
// big-endian and size-changing codes use "standard" routines. Their errors differ.
bool uses_native_routine(const Code& c, Order order) {
  if (order == Order::Native) return true;
  if (!little_endian(order)) return false;
  return item_size(c.code, true) == item_size(c.code, false);
}

bool pack_integer(Thread& t, const Code& c, Order order, Value v, unsigned char* at) {
  Value n = integer_arg(t, v);
  if (!n) return false;
  num::BigInt big = int_big(n);
  bool is_unsigned = c.code == 'B' || c.code == 'H' || c.code == 'I' || c.code == 'L' ||
                     c.code == 'Q' || c.code == 'N';
  bool native = uses_native_routine(c, order);
  // The value is first read as a C long or unsigned long ("argument out of range"), then
  // checked against the field's range. B always, and H natively, read a signed long.
  bool read_signed = !is_unsigned || c.code == 'B' || (native && c.code == 'H');
  const char* too_large = "argument out of range";
  if (c.code == 'P') {
    too_large = "int too large to convert";
    read_signed = big.is_negative();
  } else if (!native && (c.code == 'q' || c.code == 'Q')) {
    too_large = "int too large to convert";
  }
  if (read_signed ? !big.fits_int64() : (big.is_negative() || big.size() > 1))
    return raise_struct_error(t, too_large), false;
  std::uint64_t bits = big.size() ? big.limbs()[0] : 0;
  if (big.is_negative()) bits = std::uint64_t(big.to_int64());
  std::int64_t value = std::int64_t(bits);
  if (c.size < 8) {
    std::int64_t max = (std::int64_t(1) << (8 * c.size - (is_unsigned ? 0 : 1))) - 1;
    std::int64_t min = is_unsigned ? 0 : -max - 1;
    bool out = read_signed ? (value < min || value > max) : bits > std::uint64_t(max);
    if (out) {
      const char* words = nullptr;
      if (c.code == 'b') words = "byte format requires -128 <= number <= 127";
      if (c.code == 'B') words = "ubyte format requires 0 <= number <= 255";
      if (native && c.code == 'h') words = "short format requires -32768 <= number <= 32767";
      if (native && c.code == 'H') words = "ushort format requires 0 <= number <= 65535";
      return raise_struct_error(t, words ? words : range_message(c.code, c.size, is_unsigned)),
             false;
    }
  }
  store(at, bits, c.size, little_endian(order));
  return true;
}

// IEEE 754 binary16 bits of x, rounded to nearest even; false when too large.
bool half_bits(double x, std::uint16_t& out) {
  std::uint16_t sign = std::signbit(x) ? 0x8000 : 0;
  x = std::fabs(x);
  if (x == 0) return out = sign, true;
  if (std::isnan(x)) return out = sign | 0x7e00, true;
  if (std::isinf(x)) return out = sign | 0x7c00, true;
  int e;
  std::frexp(x, &e);
  int exponent = e - 1; // x = 1.f * 2**exponent
  if (exponent < -14) {
    // Subnormal: a multiple of 2**-24; rounding up to 1024 of them gives the smallest
    // normal, whose encoding is that same integer.
    out = sign | std::uint16_t(std::nearbyint(std::ldexp(x, 24)));
    return true;
  }
  double significand = std::nearbyint(std::ldexp(x, 10 - exponent)); // in [1024, 2048]
  if (significand == 2048) {
    significand = 1024;
    ++exponent;
  }
  if (exponent > 15) return false;
  out = sign | std::uint16_t((exponent + 15) << 10) | std::uint16_t(int(significand) - 1024);
  return true;
}

double half_value(std::uint16_t bits) {
  int e = (bits >> 10) & 0x1f;
  int m = bits & 0x3ff;
  double v;
  if (e == 0x1f)
    v = m ? std::nan("") : INFINITY;
  else if (e == 0)
    v = std::ldexp(double(m), -24);
  else
    v = std::ldexp(double(m | 0x400), e - 25);
  return (bits & 0x8000) ? -v : v;
}

bool pack_float(Thread& t, const Code& c, Order order, Value v, unsigned char* at) {
  double x;
  if (!to_double(t, v, x)) {
    clear_pending(t); // any failure to convert reads as this
    return raise_struct_error(t, "required argument is not a float"), false;
  }
  bool little = little_endian(order);
  if (c.code == 'd') {
    store(at, std::bit_cast<std::uint64_t>(x), 8, little);
  } else if (c.code == 'f') {
    float y = float(x);
    // Native floats overflow to infinity as the C cast does; the standard sizes refuse.
    if (std::isinf(y) && !std::isinf(x) && order != Order::Native)
      return raise(t, exc(E_OverflowError), "float too large to pack with f format"), false;
    store(at, std::bit_cast<std::uint32_t>(y), 4, little);
  } else {
    std::uint16_t bits;
    if (!half_bits(x, bits))
      return raise(t, exc(E_OverflowError), "float too large to pack with e format"), false;
    store(at, bits, 2, little);
  }
  return true;
}

// Packs `values` (exactly p.nargs of them) into `out` (p.size bytes, zeroed).
bool pack_values(Thread& t, const Parsed& p, const Value* values, unsigned char* out) {
  std::size_t next = 0;
  for (const Code& c : p.codes) {
    unsigned char* at = out + c.offset;
    if (c.code == 'x') continue;
    if (c.code == 's' || c.code == 'p') {
      Value v = values[next++];
      if (!isinstance(v, T_bytes) && !isinstance(v, T_bytearray))
        return raise_struct_error(t, std::string("argument for '") + c.code +
                                         "' must be a bytes object"),
               false;
      std::string data;
      if (!need_buffer(t, v, data)) return false;
      std::int64_t room = c.code == 'p' ? std::max<std::int64_t>(c.count - 1, 0) : c.count;
      std::int64_t n = std::min<std::int64_t>(room, std::int64_t(data.size()));
      if (c.code == 'p') {
        if (c.count > 0) at[0] = static_cast<unsigned char>(std::min<std::int64_t>(n, 255));
        if (n > 0) std::memcpy(at + 1, data.data(), std::size_t(n));
      } else if (n > 0) {
        std::memcpy(at, data.data(), std::size_t(n));
      }
      continue;
    }
    for (std::int64_t k = 0; k < c.count; ++k, at += c.size) {
      Value v = values[next++];
      switch (c.code) {
      case 'c':
        if (!isinstance(v, T_bytes))
          return raise_struct_error(t, "char format requires a bytes object of length 1"), false;
        {
          std::string data;
          if (!need_buffer(t, v, data)) return false;
          if (data.size() != 1)
            return raise_struct_error(t, "char format requires a bytes object of length 1"), false;
          at[0] = static_cast<unsigned char>(data[0]);
        }
        break;
      case '?': {
        int truth = truthy(t, v);
        if (truth < 0) return false;
        at[0] = static_cast<unsigned char>(truth);
        break;
      }
      case 'e':
      case 'f':
      case 'd':
        if (!pack_float(t, c, p.order, v, at)) return false;
        break;
      default:
        if (!pack_integer(t, c, p.order, v, at)) return false;
      }
    }
  }
  return true;
}

// ---- unpacking -----------------------------------------------------------------------------

Value unpack_values(Thread& t, const Parsed& p, const unsigned char* data) {
  Value out = tuple_new(t, std::size_t(p.nargs));
  if (!out) return {};
  std::size_t next = 0;
  bool little = little_endian(p.order);
  // `data` may point into the heap: it is reread by the caller's contract only before the
  // first allocation, so the bytes are copied out first.
  std::string copy(reinterpret_cast<const char*>(data), std::size_t(p.size));
  const auto* bytes = reinterpret_cast<const unsigned char*>(copy.data());
  for (const Code& c : p.codes) {
    const unsigned char* at = bytes + c.offset;
    if (c.code == 'x') continue;
    if (c.code == 's' || c.code == 'p') {
      std::string_view text(reinterpret_cast<const char*>(at), std::size_t(c.count));
      if (c.code == 'p')
        text = c.count == 0 ? std::string_view()
                            : text.substr(1, std::min<std::int64_t>(at[0], c.count - 1));
      Value v = bytes_new(t, text);
      if (!v) return {};
      tuple_init(out, next++, v);
      continue;
    }
    for (std::int64_t k = 0; k < c.count; ++k, at += c.size) {
      Value v;
      std::uint64_t bits = c.code == 'c' || c.code == '?' ? at[0] : load(at, c.size, little);
      switch (c.code) {
      case 'c':
        v = bytes_new(t, std::string_view(reinterpret_cast<const char*>(at), 1));
        break;
      case '?':
        v = py_bool(bits != 0);
        break;
      case 'e':
        v = float_new(t, half_value(std::uint16_t(bits)));
        break;
      case 'f':
        v = float_new(t, double(std::bit_cast<float>(std::uint32_t(bits))));
        break;
      case 'd':
        v = float_new(t, std::bit_cast<double>(bits));
        break;
      case 'b':
      case 'h':
      case 'i':
      case 'l':
      case 'q':
      case 'n': {
        int unused = 64 - 8 * c.size;
        v = int_from_i64(t, std::int64_t(bits << unused) >> unused);
        break;
      }
      default:
        v = int_from_big(t, num::BigInt::from_uint64(bits));
      }
      if (!v) return {};
      tuple_init(out, next++, v);
    }
  }
  return out;
}

// ---- the operations, shared by Struct methods and module functions ------------------------

Value do_pack(Thread& t, const Parsed& p, const Value* values, std::size_t n) {
  if (std::int64_t(n) != p.nargs)
    return raise_struct_error(t, "pack expected " + std::to_string(p.nargs) +
                                     " items for packing (got " + std::to_string(n) + ")");
  std::string out(std::size_t(p.size), '\0');
  if (!pack_values(t, p, values, reinterpret_cast<unsigned char*>(out.data()))) return {};
  return bytes_new(t, out);
}

Value do_pack_into(Thread& t, const Parsed& p, const Value* args, std::size_t n) {
  if (n < 1) return raise_struct_error(t, "pack_into expected buffer argument");
  if (n < 2) return raise_struct_error(t, "pack_into expected offset argument");
  if (std::int64_t(n - 2) != p.nargs)
    return raise_struct_error(t, "pack_into expected " + std::to_string(p.nargs) +
                                     " items for packing (got " + std::to_string(n - 2) + ")");
  Value buffer = writable_byte_view(t, args[0]);
  if (!buffer) {
    if (t.pending) return {};
    return raisef(t, exc(E_TypeError), "argument must be read-write bytes-like object, not %s",
                  type_name_of(args[0]).c_str());
  }
  std::int64_t offset, length_;
  if (!index_to_i64(t, args[1], offset)) return {};
  if (!length(t, buffer, length_)) return {};
  if (offset < 0) {
    if (offset + p.size > 0)
      return raise_struct_error(t, "no space to pack " + std::to_string(p.size) +
                                       " bytes at offset " + std::to_string(offset));
    if (offset + length_ < 0)
      return raise_struct_error(t, "offset " + std::to_string(offset) + " out of range for " +
                                       std::to_string(length_) + "-byte buffer");
    offset += length_;
  }
  if (length_ - offset < p.size)
    return raise_struct_error(t, "pack_into requires a buffer of at least " +
                                     std::to_string(std::uint64_t(p.size) + std::uint64_t(offset)) +
                                     " bytes for packing " + std::to_string(p.size) +
                                     " bytes at offset " + std::to_string(offset) +
                                     " (actual buffer size is " + std::to_string(length_) + ")");
  std::string out(std::size_t(p.size), '\0');
  if (!pack_values(t, p, args + 2, reinterpret_cast<unsigned char*>(out.data()))) return {};
  if (p.size == 0) return none();
  Value bytes = bytes_new(t, out);
  Value where =
      bytes ? slice_new(t, int_from_i64(t, offset), int_from_i64(t, offset + p.size), none())
            : Value();
  if (!where || !setitem(t, buffer, where, bytes)) return {};
  return none();
}

// The bytes of a buffer argument: a bytes object's own (unpack_from on a large one is not
// a copy each call), any other buffer's copied into `scratch`.
bool buffer_bytes(Thread& t, Value buffer, std::string& scratch, std::string_view& out) {
  if (buffer.is_object() && is_layout(buffer, Layout::Bytes)) {
    out = bytes_view(buffer);
    return true;
  }
  if (!need_buffer(t, buffer, scratch)) return false;
  out = scratch;
  return true;
}

Value do_unpack(Thread& t, const Parsed& p, Value buffer) {
  std::string scratch;
  std::string_view data;
  if (!buffer_bytes(t, buffer, scratch, data)) return {};
  if (std::int64_t(data.size()) != p.size)
    return raise_struct_error(t,
                              "unpack requires a buffer of " + std::to_string(p.size) + " bytes");
  return unpack_values(t, p, reinterpret_cast<const unsigned char*>(data.data()));
}

Value do_unpack_from(Thread& t, const Parsed& p, Value buffer, Value offset_arg) {
  std::string scratch;
  std::string_view data;
  if (!buffer_bytes(t, buffer, scratch, data)) return {};
  std::int64_t offset = 0, n = std::int64_t(data.size());
  if (offset_arg && !index_to_i64(t, offset_arg, offset)) return {};
  if (offset < 0) {
    if (offset + n < 0)
      return raise_struct_error(t, "offset " + std::to_string(offset) + " out of range for " +
                                       std::to_string(n) + "-byte buffer");
    if (offset + p.size > 0)
      return raise_struct_error(t, "not enough data to unpack " + std::to_string(p.size) +
                                       " bytes at offset " + std::to_string(offset));
    offset += n;
  }
  if (n - offset < p.size) {
    return raise_struct_error(t, "unpack_from requires a buffer of at least " +
                                     std::to_string(std::uint64_t(p.size) + std::uint64_t(offset)) +
                                     " bytes for unpacking " + std::to_string(p.size) +
                                     " bytes at offset " + std::to_string(offset) +
                                     " (actual buffer size is " + std::to_string(n) + ")");
  }
  return unpack_values(t, p, reinterpret_cast<const unsigned char*>(data.data()) + offset);
}

// Only iter_unpack() makes them (CPython's message, its missing quote included).
INTERP_NATIVE(unpack_iter_new) {
  return raise(t, exc(E_TypeError), "Cannot create 'unpack_iterator objects");
}

// unpack_iterator: a Struct and a copy of the buffer's bytes, consumed from `offset`.
struct UnpackIterObject : Object {
  Value structure; // a Struct
  Value data;      // bytes
  Value offset;    // int
};

Value do_iter_unpack(Thread& t, Value structure, const Parsed& p, Value buffer) {
  std::string data;
  if (!need_buffer(t, buffer, data)) return {};
  if (p.size == 0)
    return raise_struct_error(t, "cannot iteratively unpack with a struct of length 0");
  if (std::int64_t(data.size()) % p.size != 0)
    return raise_struct_error(t, "iterative unpacking requires a buffer of a multiple of " +
                                     std::to_string(p.size) + " bytes");
  Value m = struct_module(t);
  Value cls = m ? getattr(t, m, intern_literal(t, "unpack_iterator")) : Value();
  Value bytes = cls ? bytes_new(t, data) : Value();
  Value it = bytes ? allocate(t, Layout::Instance, cls, sizeof(UnpackIterObject)) : Value();
  if (!it) return {};
  fresh<UnpackIterObject>(it)->structure = structure;
  fresh<UnpackIterObject>(it)->data = bytes;
  fresh<UnpackIterObject>(it)->offset = Value::small_int(0);
  return it;
}

INTERP_NATIVE(unpack_iter_next) {
  const UnpackIterObject* o = rd<UnpackIterObject>(args[0]);
  Parsed p;
  if (!struct_of(t, o->structure, p)) return {};
  std::int64_t offset = o->offset.small_int_value();
  std::string_view data = bytes_view(o->data);
  if (offset + p.size > std::int64_t(data.size())) return {}; // exhausted: no exception
  std::string item(data.substr(std::size_t(offset), std::size_t(p.size)));
  wr<UnpackIterObject>(args[0])->offset = Value::small_int(offset + p.size);
  return unpack_values(t, p, reinterpret_cast<const unsigned char*>(item.data()));
}

INTERP_NATIVE(unpack_iter_iter) {
  return args[0];
}

INTERP_NATIVE(unpack_iter_length_hint) {
  const UnpackIterObject* o = rd<UnpackIterObject>(args[0]);
  std::int64_t size = rd<StructObject>(o->structure)->size.small_int_value();
  std::int64_t left = std::int64_t(bytes_view(o->data).size()) - o->offset.small_int_value();
  return Value::small_int(size ? left / size : 0);
}

// ---- Struct methods ------------------------------------------------------------------------

INTERP_NATIVE(struct_new) {
  Value self = allocate(t, Layout::Instance, args[0], sizeof(StructObject));
  if (!self) return {};
  fresh<StructObject>(self)->format = none();
  fresh<StructObject>(self)->size = Value::small_int(-1);
  return self;
}

bool init_struct(Thread& t, Value self, Value format) {
  std::string text;
  Parsed p;
  if (!format_arg(t, format, text, p)) return false;
  Value codes = bytes_new(t, serialize(p));
  Value ftext = codes ? str_from_utf8(t, text) : Value();
  if (!ftext) return false;
  if (p.size > (std::int64_t(1) << 61))
    return raise_struct_error(t, "total struct size too long"), false;
  StructObject* o = wr<StructObject>(self);
  o->format = ftext;
  o->codes = codes;
  o->size = Value::small_int(p.size);
  return true;
}

INTERP_NATIVE(struct_init) {
  static const char* const kAllowed[] = {"format", nullptr};
  if (!check_keywords(t, "Struct", kwnames, kAllowed)) return {};
  std::size_t npos = nargs - keyword_count(kwnames);
  Value format = arg_or_keyword(args, nargs, kwnames, 1, "format");
  if (npos > 2)
    return raisef(t, exc(E_TypeError), "Struct() takes at most 1 argument (%zu given)", nargs - 1);
  if (!format)
    return raise(t, exc(E_TypeError), "Struct() missing required argument 'format' (pos 1)");
  return init_struct(t, args[0], format) ? none() : Value();
}

INTERP_NATIVE(struct_pack) {
  Parsed p;
  if (keyword_count(kwnames))
    return raise(t, exc(E_TypeError), "Struct.pack() takes no keyword arguments");
  if (!struct_of(t, args[0], p)) return {};
  return do_pack(t, p, args + 1, nargs - 1);
}

INTERP_NATIVE(struct_pack_into) {
  Parsed p;
  if (keyword_count(kwnames))
    return raise(t, exc(E_TypeError), "Struct.pack_into() takes no keyword arguments");
  if (!struct_of(t, args[0], p)) return {};
  return do_pack_into(t, p, args + 1, nargs - 1);
}

INTERP_NATIVE(struct_unpack) {
  if (!check_positional(t, "Struct.unpack", nargs, kwnames, 1, 1)) return {};
  Parsed p;
  if (!struct_of(t, args[0], p)) return {};
  return do_unpack(t, p, args[1]);
}

INTERP_NATIVE(struct_unpack_from) {
  static const char* const kAllowed[] = {"buffer", "offset", nullptr};
  if (!check_keywords(t, "unpack_from", kwnames, kAllowed)) return {};
  Value buffer = arg_or_keyword(args, nargs, kwnames, 1, "buffer");
  Value offset = arg_or_keyword(args, nargs, kwnames, 2, "offset");
  if (nargs - keyword_count(kwnames) > 3)
    return raisef(t, exc(E_TypeError), "unpack_from() takes at most 2 arguments (%zu given)",
                  nargs - 1);
  if (!buffer)
    return raise(t, exc(E_TypeError), "unpack_from() missing required argument 'buffer' (pos 1)");
  Parsed p;
  if (!struct_of(t, args[0], p)) return {};
  return do_unpack_from(t, p, buffer, offset);
}

INTERP_NATIVE(struct_iter_unpack) {
  if (!check_positional(t, "Struct.iter_unpack", nargs, kwnames, 1, 1)) return {};
  Parsed p;
  if (!struct_of(t, args[0], p)) return {};
  return do_iter_unpack(t, args[0], p, args[1]);
}

INTERP_NATIVE(struct_format) {
  return rd<StructObject>(args[0])->format;
}
INTERP_NATIVE(struct_size) {
  return rd<StructObject>(args[0])->size;
}

// ---- module functions: a Struct made for the format of each call -------------------------

Value make_struct(Thread& t, Value format) {
  Value m = struct_module(t);
  Value cls = m ? getattr(t, m, intern_literal(t, "Struct")) : Value();
  if (!cls) return {};
  Value self = allocate(t, Layout::Instance, cls, sizeof(StructObject));
  if (!self) return {};
  fresh<StructObject>(self)->format = none();
  fresh<StructObject>(self)->size = Value::small_int(-1);
  return init_struct(t, self, format) ? self : Value();
}

bool module_format(Thread& t, const char* fname, std::size_t nargs, Value kwnames,
                   std::size_t min) {
  if (keyword_count(kwnames))
    return raisef(t, exc(E_TypeError), "_struct.%s() takes no keyword arguments", fname), false;
  if (nargs < min) return raise(t, exc(E_TypeError), "missing format argument"), false;
  return true;
}

INTERP_NATIVE(mod_pack) {
  if (!module_format(t, "pack", nargs, kwnames, 1)) return {};
  Parsed p;
  if (!module_parsed(t, args[0], p)) return {};
  return do_pack(t, p, args + 1, nargs - 1);
}

INTERP_NATIVE(mod_pack_into) {
  if (!module_format(t, "pack_into", nargs, kwnames, 1)) return {};
  Parsed p;
  if (!module_parsed(t, args[0], p)) return {};
  return do_pack_into(t, p, args + 1, nargs - 1);
}

INTERP_NATIVE(mod_unpack) {
  if (keyword_count(kwnames))
    return raise(t, exc(E_TypeError), "_struct.unpack() takes no keyword arguments");
  if (nargs != 2) return raisef(t, exc(E_TypeError), "unpack expected 2 arguments, got %zu", nargs);
  Parsed p;
  if (!module_parsed(t, args[0], p)) return {};
  return do_unpack(t, p, args[1]);
}

INTERP_NATIVE(mod_unpack_from) {
  static const char* const kAllowed[] = {"buffer", "offset", nullptr};
  if (!check_keywords(t, "unpack_from", kwnames, kAllowed)) return {};
  std::size_t npos = nargs - keyword_count(kwnames);
  if (npos < 1)
    return raise(t, exc(E_TypeError),
                 "unpack_from() takes at least 1 positional argument (0 given)");
  Value buffer = arg_or_keyword(args, nargs, kwnames, 1, "buffer");
  Value offset = arg_or_keyword(args, nargs, kwnames, 2, "offset");
  if (npos > 3)
    return raisef(t, exc(E_TypeError), "unpack_from() takes at most 3 arguments (%zu given)",
                  nargs);
  if (!buffer)
    return raise(t, exc(E_TypeError), "unpack_from() missing required argument 'buffer' (pos 2)");
  Parsed p;
  if (!module_parsed(t, args[0], p)) return {};
  return do_unpack_from(t, p, buffer, offset);
}

INTERP_NATIVE(mod_iter_unpack) {
  if (keyword_count(kwnames))
    return raise(t, exc(E_TypeError), "_struct.iter_unpack() takes no keyword arguments");
  if (nargs != 2)
    return raisef(t, exc(E_TypeError), "iter_unpack expected 2 arguments, got %zu", nargs);
  Value s = make_struct(t, args[0]);
  Parsed p;
  if (!s || !struct_of(t, s, p)) return {};
  return do_iter_unpack(t, s, p, args[1]);
}

INTERP_NATIVE(mod_calcsize) {
  if (!check_positional(t, "_struct.calcsize", nargs, kwnames, 1, 1, 0)) return {};
  Parsed p;
  return module_parsed(t, args[0], p) ? Value::small_int(p.size) : Value();
}

INTERP_NATIVE(mod_clearcache) {
  return none(); // each thread's cache clears itself at 100 formats
}

} // namespace

Value make_struct_module(Thread& t) {
  static const ModuleFunction kFunctions[] = {
      {"pack", mod_pack},
      {"pack_into", mod_pack_into},
      {"unpack", mod_unpack},
      {"unpack_from", mod_unpack_from},
      {"iter_unpack", mod_iter_unpack},
      {"calcsize", mod_calcsize},
      {"_clearcache", mod_clearcache},
  };
  Value m = new_module(t, "_struct", kFunctions, std::size(kFunctions));
  if (!m) return {};

  Value error = new_exception_type(t, "error", "struct", exc(E_Exception));
  if (!error) return {};
  module_set(t, m, "error", error);

  Value cls = new_type(t, "Struct", "_struct", Layout::Instance);
  if (!cls) return {};
  static const ModuleFunction kMethods[] = {
      {"__init__", struct_init},           {"pack", struct_pack},
      {"pack_into", struct_pack_into},     {"unpack", struct_unpack},
      {"unpack_from", struct_unpack_from}, {"iter_unpack", struct_iter_unpack},
  };
  for (const ModuleFunction& f : kMethods)
    add_method(t, cls, f.name, f.fn);
  add_staticmethod(t, cls, "__new__", struct_new);
  add_getter(t, cls, "format", struct_format);
  add_getter(t, cls, "size", struct_size);
  update_type_flags(cls);
  module_set(t, m, "Struct", cls);

  Value it = new_type(t, "unpack_iterator", "_struct", Layout::Instance, {}, false);
  if (!it) return {};
  add_staticmethod(t, it, "__new__", unpack_iter_new);
  add_method(t, it, "__next__", unpack_iter_next);
  add_method(t, it, "__iter__", unpack_iter_iter);
  add_method(t, it, "__length_hint__", unpack_iter_length_hint);
  update_type_flags(it);
  module_set(t, m, "unpack_iterator", it);
  return m;
}

} // namespace interp
