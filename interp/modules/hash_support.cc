// interp/modules/hash_support.cc - what the hash modules share (see hash_support.h).
#include "interp/modules/hash_support.h"

#include "interp/modules/module_support.h"
#include "interp/modules/modules.h"
#include "interp/objects/numbers.h"

namespace interp {

bool need_buffer(Thread& t, Value v, std::string& out); // bytes.cc

bool hash_data_of(Thread& t, Value v, std::string& out) {
  if (str_check(v)) {
    raise(t, exc(E_TypeError), "Strings must be encoded before hashing");
    return false;
  }
  if (need_buffer(t, v, out)) return true;
  if (matches(t, exc(E_TypeError))) {
    clear_pending(t);
    raise(t, exc(E_TypeError), "object supporting the buffer API required");
  }
  return false;
}

Value hash_object_new(Thread& t, Value cls, const void* state, std::size_t size) {
  Value self = allocate(t, Layout::Instance, cls, sizeof(HashObject));
  if (!self) return {};
  Value bytes = bytes_new(t, std::string_view(static_cast<const char*>(state), size));
  if (!bytes) return {};
  fresh<HashObject>(self)->state = bytes;
  return self;
}

bool hash_unsigned_arg(Thread& t, Value v, std::uint64_t& out, const char* overflow) {
  if (!int_check(v)) {
    raise(t, exc(E_TypeError), "an integer is required");
    return false;
  }
  num::BigInt big = int_big(v);
  if (big.is_negative()) {
    raise(t, exc(E_ValueError), "value must be positive");
    return false;
  }
  if (big.size() > 1) {
    raise(t, exc(E_OverflowError), overflow);
    return false;
  }
  out = big.size() ? std::uint64_t(big.limbs()[0]) : 0;
  return true;
}

Value hash_hex(Thread& t, std::string_view bytes) {
  static const char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    hex.push_back(kHex[c >> 4]);
    hex.push_back(kHex[c & 15]);
  }
  return str_from_ascii(t, hex);
}

} // namespace interp
