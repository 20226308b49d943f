// interp/objects/str.cc - the str type: immutable text of code points.
//
// All-ASCII text is stored one byte per code point (kind 1), anything else as UTF-32
// (kind 4), so indexing is O(1) either way and the common case stays compact. A str is
// immutable, so it is read without barriers; its hash is cached in place only by the
// transaction that created it (anyone else would have to write a shared object).
#include "interp/objects/hash_bytes.h"
#include "interp/objects/objects.h"
#include "interp/ops.h"
#include "interp/text/codecs.h"

#include <algorithm>
#include <cstring>
#include <string>

namespace interp {

namespace {

Value str_alloc(Thread& t, std::int64_t length, int kind) {
  Value s = allocate(t, Layout::Str, type_value(T_str),
                     sizeof(StrObject) + std::size_t(length) * kind + 4);
  if (!s) return {};
  StrObject* o = fresh<StrObject>(s);
  o->length = length;
  o->hash = -1;
  o->kind = kind;
  return s;
}

// Decodes UTF-8 (surrogates encoded in three bytes are accepted, as the compiler and
// surrogatepass produce them). Invalid bytes become U+FFFD: callers that must reject
// them validate first.
std::u32string decode_utf8(std::string_view in) {
  std::u32string out;
  out.reserve(in.size());
  std::size_t i = 0;
  while (i < in.size()) {
    unsigned char c = in[i];
    char32_t cp;
    int extra;
    if (c < 0x80) {
      cp = c;
      extra = 0;
    } else if ((c & 0xe0) == 0xc0) {
      cp = c & 0x1f;
      extra = 1;
    } else if ((c & 0xf0) == 0xe0) {
      cp = c & 0x0f;
      extra = 2;
    } else if ((c & 0xf8) == 0xf0) {
      cp = c & 0x07;
      extra = 3;
    } else {
      out.push_back(0xfffd);
      ++i;
      continue;
    }
    bool ok = i + extra < in.size();
    for (int k = 1; ok && k <= extra; ++k) {
      unsigned char next = static_cast<unsigned char>(in[i + k]);
      if ((next & 0xc0) != 0x80)
        ok = false;
      else
        cp = (cp << 6) | (next & 0x3f);
    }
    if (!ok) {
      out.push_back(0xfffd);
      ++i;
      continue;
    }
    out.push_back(cp);
    i += extra + 1;
  }
  return out;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(char(cp));
  } else if (cp < 0x800) {
    out.push_back(char(0xc0 | (cp >> 6)));
    out.push_back(char(0x80 | (cp & 0x3f)));
  } else if (cp < 0x10000) {
    out.push_back(char(0xe0 | (cp >> 12)));
    out.push_back(char(0x80 | ((cp >> 6) & 0x3f)));
    out.push_back(char(0x80 | (cp & 0x3f)));
  } else {
    out.push_back(char(0xf0 | (cp >> 18)));
    out.push_back(char(0x80 | ((cp >> 12) & 0x3f)));
    out.push_back(char(0x80 | ((cp >> 6) & 0x3f)));
    out.push_back(char(0x80 | (cp & 0x3f)));
  }
}

// CPython hashes a str's code points in the narrowest of 1, 2 or 4 bytes each that holds
// them all (its storage form); equal strs hash equal whatever our own storage kind.
std::int64_t compute_hash(const StrObject* o) {
  if (o->kind == 1) return hash_bytes(o->data, std::size_t(o->length));
  auto* cps = reinterpret_cast<const char32_t*>(o->data);
  char32_t widest = 0;
  for (std::int64_t i = 0; i < o->length; ++i)
    widest = std::max(widest, cps[i]);
  if (widest >= 0x10000) return hash_bytes(cps, std::size_t(o->length) * 4);
  if (widest < 0x100) {
    std::string narrow(std::size_t(o->length), '\0');
    for (std::int64_t i = 0; i < o->length; ++i)
      narrow[std::size_t(i)] = char(cps[i]);
    return hash_bytes(narrow.data(), narrow.size());
  }
  std::u16string wide(std::size_t(o->length), u'\0');
  for (std::int64_t i = 0; i < o->length; ++i)
    wide[std::size_t(i)] = char16_t(cps[i]);
  return hash_bytes(wide.data(), wide.size() * 2);
}

} // namespace

Value str_from_ascii(Thread& t, std::string_view ascii) {
  Value s = str_alloc(t, std::int64_t(ascii.size()), 1);
  if (s) std::memcpy(fresh<StrObject>(s)->data, ascii.data(), ascii.size());
  return s;
}

Value str_from_code_points(Thread& t, std::u32string_view cps) {
  bool ascii = true;
  for (char32_t c : cps)
    if (c >= 0x80) {
      ascii = false;
      break;
    }
  Value s = str_alloc(t, std::int64_t(cps.size()), ascii ? 1 : 4);
  if (!s) return {};
  StrObject* o = fresh<StrObject>(s);
  if (ascii)
    for (std::size_t i = 0; i < cps.size(); ++i)
      o->data[i] = static_cast<unsigned char>(cps[i]);
  else
    std::memcpy(o->data, cps.data(), cps.size() * 4);
  return s;
}

Value str_from_utf8(Thread& t, std::string_view utf8) {
  bool ascii = true;
  for (unsigned char c : utf8)
    if (c >= 0x80) {
      ascii = false;
      break;
    }
  if (ascii) return str_from_ascii(t, utf8);
  return str_from_code_points(t, decode_utf8(utf8));
}

Value str_from_os_bytes(Thread& t, std::string_view bytes) {
  bool ascii = true;
  for (unsigned char c : bytes)
    ascii = ascii && c < 0x80;
  if (ascii) return str_from_ascii(t, bytes); // most names: no decoder needed
  auto decoded = text::decode(bytes, "utf-8", "surrogateescape");
  if (!decoded.ok()) return str_from_utf8(t, bytes); // not reached: the handler takes all
  return str_from_code_points(t, decoded.value());
}

Value str_from_code_point(Thread& t, char32_t cp) {
  Runtime& rt = runtime();
  if (cp < rt.char_strs.size() && rt.char_strs[cp]) return rt.char_strs[cp];
  return str_from_code_points(t, std::u32string_view(&cp, 1));
}

Value str_substring(Thread& t, Value s, std::int64_t start, std::int64_t stop) {
  std::int64_t n = stop - start;
  if (n == 0) return runtime().empty_str;
  if (n == 1) return str_from_code_point(t, str_at(s, start));
  if (start == 0 && n == str_length(s) && is_exact(s, T_str)) return s;
  const StrObject* o = ro<StrObject>(s);
  if (o->kind == 1) {
    Value r = str_alloc(t, n, 1);
    if (r) std::memcpy(fresh<StrObject>(r)->data, ro<StrObject>(s)->data + start, std::size_t(n));
    return r;
  }
  return str_from_code_points(
      t, std::u32string_view(reinterpret_cast<const char32_t*>(o->data) + start, std::size_t(n)));
}

std::int64_t str_length(Value s) {
  return ro<StrObject>(s)->length;
}

char32_t str_at(Value s, std::int64_t i) {
  const StrObject* o = ro<StrObject>(s);
  return o->kind == 1 ? o->data[i] : reinterpret_cast<const char32_t*>(o->data)[i];
}

// The strict UTF-8 encoder's view of s, for names and text handed to C: a lone surrogate
// raises the UnicodeEncodeError that s.encode() raises (the encoder itself words it).
bool str_utf8_strict(Thread& t, Value s, std::string& out) {
  const StrObject* o = ro<StrObject>(s);
  if (o->kind != 1) {
    auto* cps = reinterpret_cast<const char32_t*>(o->data);
    for (std::int64_t i = 0; i < o->length; ++i) {
      if (cps[i] < 0xd800 || cps[i] > 0xdfff) continue;
      Value encode = getattr(t, type_value(T_str), intern_literal(t, "encode"));
      if (encode) call1(t, encode, s);
      if (!t.pending) raise(t, exc(E_UnicodeEncodeError), "surrogates not allowed");
      return false;
    }
  }
  out = str_utf8(s);
  return true;
}

std::string str_utf8(Value s) {
  const StrObject* o = ro<StrObject>(s);
  if (o->kind == 1) return std::string(reinterpret_cast<const char*>(o->data), o->length);
  std::string out;
  out.reserve(o->length * 2);
  auto* cps = reinterpret_cast<const char32_t*>(o->data);
  for (std::int64_t i = 0; i < o->length; ++i)
    append_utf8(out, cps[i]);
  return out;
}

int str_order(Value a, Value b) {
  const StrObject* x = ro<StrObject>(a);
  const StrObject* y = ro<StrObject>(b);
  std::int64_t n = std::min(x->length, y->length);
  if (x->kind == 1 && y->kind == 1) {
    // Latin-1 bytes order as their code points do.
    if (int c = std::memcmp(x->data, y->data, std::size_t(n))) return c < 0 ? -1 : 1;
  } else {
    for (std::int64_t i = 0; i < n; ++i) {
      char32_t p = str_at(a, i), q = str_at(b, i);
      if (p != q) return p < q ? -1 : 1;
    }
  }
  return (x->length > y->length) - (x->length < y->length);
}

std::u32string str_code_points(Value s) {
  const StrObject* o = ro<StrObject>(s);
  std::u32string out(o->length, 0);
  for (std::int64_t i = 0; i < o->length; ++i)
    out[i] = o->kind == 1 ? o->data[i] : reinterpret_cast<const char32_t*>(o->data)[i];
  return out;
}

std::int64_t str_hash_slow(Value s) {
  const StrObject* o = ro<StrObject>(s);
  std::int64_t h = compute_hash(o);
  if (stm::is_new_object(s.offset())) fresh<StrObject>(s)->hash = h;
  return h;
}

bool str_equal(Value a, Value b) {
  if (a == b) return true;
  const StrObject* x = ro<StrObject>(a);
  const StrObject* y = ro<StrObject>(b);
  if (x->length != y->length) return false;
  if (x->hash != -1 && y->hash != -1 && x->hash != y->hash) return false;
  if (x->kind == y->kind) return std::memcmp(x->data, y->data, x->length * x->kind) == 0;
  for (std::int64_t i = 0; i < x->length; ++i)
    if (str_at(a, i) != str_at(b, i)) return false;
  return true;
}

bool str_equal_ascii(Value s, std::string_view ascii) {
  const StrObject* o = ro<StrObject>(s);
  return o->kind == 1 && std::size_t(o->length) == ascii.size() &&
         std::memcmp(o->data, ascii.data(), ascii.size()) == 0;
}

bool str_check(Value v) {
  return v.is_object() && isinstance(v, T_str);
}

Value str_concat(Thread& t, Value a, Value b) {
  if (ro<StrObject>(b)->length == 0 && is_exact(a, T_str)) return a;
  if (ro<StrObject>(a)->length == 0 && is_exact(b, T_str)) return b;
  Value items[2] = {a, b};
  return str_join_values(t, {}, items, 2);
}

Value str_join_values(Thread& t, Value sep, const Value* items, std::size_t n) {
  // One pass for the size and the widest kind, one allocation, one copy of each piece.
  std::int64_t length = 0;
  std::int64_t kind = sep ? ro<StrObject>(sep)->kind : 1;
  for (std::size_t i = 0; i < n; ++i) {
    length += ro<StrObject>(items[i])->length;
    kind = std::max(kind, ro<StrObject>(items[i])->kind);
  }
  std::int64_t sep_length = sep ? ro<StrObject>(sep)->length : 0;
  if (n > 1) length += sep_length * std::int64_t(n - 1);
  Value s = str_alloc(t, length, int(kind));
  if (!s) return {};
  unsigned char* out = fresh<StrObject>(s)->data;
  auto append = [&](Value piece) {
    const StrObject* p = ro<StrObject>(piece);
    if (p->kind == kind) {
      std::memcpy(out, p->data, std::size_t(p->length * kind));
    } else { // a latin-1 piece widened to 4 bytes a character
      auto* wide = reinterpret_cast<char32_t*>(out);
      for (std::int64_t i = 0; i < p->length; ++i)
        wide[i] = p->data[i];
    }
    out += p->length * kind;
  };
  for (std::size_t i = 0; i < n; ++i) {
    if (i && sep_length) append(sep);
    append(items[i]);
  }
  return s;
}

Value intern_literal(Thread& t, const char* text) {
  Value s = str_from_utf8(t, text);
  if (s) str_hash(s);
  return s;
}

} // namespace interp
