// interp/modules/hash_support.cc - the hash object shared by _md5, _sha1, _sha256 and
// _sha512 (see hash_support.h).
#include "interp/modules/hash_support.h"

#include "interp/modules/modules.h"
#include "interp/objects/numbers.h"
#include "interp/ops.h"

#include <cstring>
#include <vector>

namespace interp {

bool need_buffer(Thread& t, Value v, std::string& out); // bytes.cc

namespace {

struct HashObject : Object {
  Value state; // Bytes: kHeader bytes naming the HashAlgorithm, then its running state
};

constexpr std::size_t kHeader = 16;

// A copy of a hash object's state, aligned for the algorithm's words.
struct StateCopy {
  const HashAlgorithm* alg;
  alignas(16) unsigned char state[kMaxHashState];
};

void read_state(Value self, StateCopy& out) {
  const unsigned char* data = rd<BytesObject>(rd<HashObject>(self)->state)->data;
  std::memcpy(&out.alg, data, sizeof out.alg);
  std::memcpy(out.state, data + kHeader, out.alg->state_size);
}

const HashAlgorithm& algorithm_of(Value self) {
  const HashAlgorithm* alg;
  std::memcpy(&alg, rd<BytesObject>(rd<HashObject>(self)->state)->data, sizeof alg);
  return *alg;
}

Value new_hash(Thread& t, Value cls, const StateCopy& s) {
  Value self = allocate(t, Layout::Instance, cls, sizeof(HashObject));
  if (!self) return {};
  std::string bytes(kHeader + s.alg->state_size, '\0');
  std::memcpy(bytes.data(), &s.alg, sizeof s.alg);
  std::memcpy(bytes.data() + kHeader, s.state, s.alg->state_size);
  Value state = bytes_new(t, bytes);
  if (!state) return {};
  fresh<HashObject>(self)->state = state;
  return self;
}

bool update(Thread& t, Value self, Value data) {
  std::string bytes;
  if (!hash_data_of(t, data, bytes)) return false;
  StateCopy s;
  read_state(self, s);
  absorb_in_pieces(bytes,
                   [&](const unsigned char* p, std::size_t n) { s.alg->absorb(s.state, p, n); });
  std::memcpy(wr<BytesObject>(rd<HashObject>(self)->state)->data + kHeader, s.state,
              s.alg->state_size);
  return true;
}

std::string digest_of(Value self) {
  StateCopy s;
  read_state(self, s);
  std::string out(s.alg->digest_size, '\0');
  s.alg->finish(s.state, reinterpret_cast<unsigned char*>(out.data()), out.size());
  return out;
}

// "sha1.update": the name of a method in messages.
std::string method_name(Value self, const char* method) {
  return std::string(algorithm_of(self).name) + "." + method;
}

INTERP_NATIVE(hash_update) {
  if (!check_positional(t, method_name(args[0], "update").c_str(), nargs, kwnames, 1, 1)) return {};
  return update(t, args[0], args[1]) ? none() : Value();
}

INTERP_NATIVE(hash_digest) {
  if (!check_positional(t, method_name(args[0], "digest").c_str(), nargs, kwnames, 0, 0)) return {};
  return bytes_new(t, digest_of(args[0]));
}

INTERP_NATIVE(hash_hexdigest) {
  if (!check_positional(t, method_name(args[0], "hexdigest").c_str(), nargs, kwnames, 0, 0))
    return {};
  return hash_hex(t, digest_of(args[0]));
}

INTERP_NATIVE(hash_copy) {
  if (!check_positional(t, method_name(args[0], "copy").c_str(), nargs, kwnames, 0, 0)) return {};
  StateCopy s;
  read_state(args[0], s);
  return new_hash(t, type_of(args[0]), s);
}

INTERP_NATIVE(hash_name) {
  return intern_literal(t, algorithm_of(args[0]).name);
}
INTERP_NATIVE(hash_digest_size) {
  return Value::small_int(algorithm_of(args[0]).digest_size);
}
INTERP_NATIVE(hash_block_size) {
  return Value::small_int(algorithm_of(args[0]).block_size);
}

} // namespace

Value hash_new(Thread& t, const HashAlgorithm& alg, const Value* args, std::size_t nargs,
               Value kwnames) {
  static const char* const kAllowed[] = {"string", "usedforsecurity", nullptr};
  if (!check_keywords(t, alg.name, kwnames, kAllowed, true)) return {};
  std::size_t npos = nargs - keyword_count(kwnames);
  if (npos > 1)
    return raisef(t, exc(E_TypeError), "%s() takes at most 1 positional argument (%zu given)",
                  alg.name, npos);
  Value data = arg_or_keyword(args, nargs, kwnames, 0, "string");
  StateCopy s;
  s.alg = &alg;
  alg.init(s.state);
  Value module = import_module(t, alg.module_name);
  Value cls = module ? getattr(t, module, intern_literal(t, alg.type_attr)) : Value();
  Value self = cls ? new_hash(t, cls, s) : Value();
  if (!self) return {};
  if (data && !update(t, self, data)) return {};
  return self;
}

Value new_hash_module(Thread& t, const char* module_name, const HashEntry* entries, std::size_t n) {
  std::vector<ModuleFunction> functions;
  for (std::size_t i = 0; i < n; ++i)
    functions.push_back({entries[i].alg->name, entries[i].constructor});
  Value module = new_module(t, module_name, functions.data(), n);
  if (!module) return {};
  for (std::size_t i = 0; i < n; ++i) {
    const HashAlgorithm& alg = *entries[i].alg;
    Value cls = new_type(t, alg.name, module_name, Layout::Instance, {}, false);
    if (!cls) return {};
    refuse_instances(t, cls);
    add_method(t, cls, "update", hash_update);
    add_method(t, cls, "digest", hash_digest);
    add_method(t, cls, "hexdigest", hash_hexdigest);
    add_method(t, cls, "copy", hash_copy);
    add_getter(t, cls, "name", hash_name);
    add_getter(t, cls, "digest_size", hash_digest_size);
    add_getter(t, cls, "block_size", hash_block_size);
    update_type_flags(cls);
    module_set(t, module, alg.type_attr, cls);
  }
  return module;
}

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
  Value self = allocate(t, Layout::Instance, cls, sizeof(HashStateObject));
  if (!self) return {};
  Value bytes = bytes_new(t, std::string_view(static_cast<const char*>(state), size));
  if (!bytes) return {};
  fresh<HashStateObject>(self)->state = bytes;
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
