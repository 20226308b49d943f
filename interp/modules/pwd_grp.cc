// interp/modules/pwd_grp.cc - the pwd and grp modules: the password and group
// databases (getpwuid, getpwnam, getpwall; getgrgid, getgrnam, getgrall), entries as
// pwd.struct_passwd and grp.struct_group (whose gr_mem is a list of member names).
//
// Lookups read system files and change nothing, so they need not make the transaction
// inevitable: one that aborts reads them again.
#include "interp/modules/module_support.h"
#include "interp/modules/modules.h"
#include "interp/ops.h"

#include <grp.h>
#include <mutex>
#include <pwd.h>
#include <vector>

namespace interp {

namespace {

constexpr const char* kPasswdFields[] = {"pw_name",  "pw_passwd", "pw_uid",  "pw_gid",
                                         "pw_gecos", "pw_dir",    "pw_shell"};
constexpr const char* kGroupFields[] = {"gr_name", "gr_passwd", "gr_gid", "gr_mem"};

// The database's entry for a key, through a getpw*_r/getgr*_r call with a buffer that
// grows until the entry fits; `found` says whether there was one (0 without exception).
template <class Entry, class Lookup>
Value lookup(Thread& t, Lookup&& call, Value (*entry_of)(Thread&, const Entry&), bool& found) {
  std::vector<char> buffer(1024);
  Entry entry{};
  Entry* result = nullptr;
  int err;
  while ((err = call(&entry, buffer.data(), buffer.size(), &result)) == ERANGE)
    buffer.resize(buffer.size() * 2);
  found = err == 0 && result;
  return found ? entry_of(t, entry) : Value();
}

// Every entry, walked with set*ent/get*ent/end*ent, whose place is process-wide state: one
// thread walks at a time.
template <class Entry>
Value walk(Thread& t, void (*rewind)(), Entry* (*next)(), void (*end)(),
           Value (*entry_of)(Thread&, const Entry&)) {
  static std::mutex walk_lock;
  Value all = list_new(t);
  if (!all) return {};
  std::lock_guard guard(walk_lock);
  rewind();
  while (Entry* e = next()) {
    Value entry = entry_of(t, *e);
    if (!entry || !list_append(t, all, entry)) {
      end();
      return {};
    }
  }
  end();
  return all;
}

Value key_error(Thread& t, const std::string& text) {
  Value message = str_from_utf8(t, text);
  Value e = message ? call1(t, exc(E_KeyError), message) : Value();
  return e ? raise_value(t, e) : Value();
}

// A uid or gid argument: an int, in range (-1 included) or not.
bool id_arg(Thread& t, Value v, const char* what, std::int64_t& n, bool& in_range) {
  if (!isinstance(v, T_int)) {
    raisef(t, exc(E_TypeError), "%s should be integer, not %s", what, type_name_of(v).c_str());
    return false;
  }
  in_range = int_to_i64(v, n) && n >= -1 && n <= std::int64_t(UINT32_MAX);
  return true;
}

// A name argument without NUL bytes, as a C string.
bool name_arg(Thread& t, Value v, const char* type_error, std::string& out) {
  if (!str_check(v)) {
    raisef(t, exc(E_TypeError), type_error, type_name_of(v).c_str());
    return false;
  }
  out = str_utf8(v);
  if (out.find('\0') == std::string::npos) return true;
  raise(t, exc(E_ValueError), "embedded null byte");
  return false;
}

Value passwd_entry(Thread& t, const passwd& p) {
  Value type = module_attr(t, "pwd", "struct_passwd");
  if (!type) return {};
  Value items[7] = {str_from_utf8(t, p.pw_name),  str_from_utf8(t, p.pw_passwd),
                    int_from_i64(t, p.pw_uid),    int_from_i64(t, p.pw_gid),
                    str_from_utf8(t, p.pw_gecos), str_from_utf8(t, p.pw_dir),
                    str_from_utf8(t, p.pw_shell)};
  for (Value v : items)
    if (!v) return {};
  return new_struct_sequence(t, type, items, 7);
}

Value group_entry(Thread& t, const group& g) {
  Value type = module_attr(t, "grp", "struct_group");
  Value members = list_new(t);
  if (!type || !members) return {};
  for (char** member = g.gr_mem; member && *member; ++member) {
    Value name_v = str_from_utf8(t, *member);
    if (!name_v || !list_append(t, members, name_v)) return {};
  }
  Value items[4] = {str_from_utf8(t, g.gr_name), str_from_utf8(t, g.gr_passwd),
                    int_from_i64(t, g.gr_gid), members};
  for (Value v : items)
    if (!v) return {};
  return new_struct_sequence(t, type, items, 4);
}

INTERP_NATIVE(pwd_getpwuid) {
  if (!check_positional(t, "getpwuid", nargs, kwnames, 1, 1, 0)) return {};
  std::int64_t n = 0;
  bool in_range = false, found = false;
  if (!id_arg(t, args[0], "uid", n, in_range)) return {};
  if (!in_range) return key_error(t, "getpwuid(): uid not found");
  auto by_uid = [n](passwd* e, char* b, std::size_t size, passwd** r) {
    return getpwuid_r(uid_t(n), e, b, size, r);
  };
  Value entry = lookup<passwd>(t, by_uid, passwd_entry, found);
  if (found || t.pending) return entry;
  return key_error(t, "getpwuid(): uid not found: " + std::to_string(n));
}

INTERP_NATIVE(pwd_getpwnam) {
  if (!check_positional(t, "getpwnam", nargs, kwnames, 1, 1, 0)) return {};
  std::string name_s;
  if (!name_arg(t, args[0], "getpwnam() argument must be str, not %s", name_s)) return {};
  auto by_name = [&name_s](passwd* e, char* b, std::size_t size, passwd** r) {
    return getpwnam_r(name_s.c_str(), e, b, size, r);
  };
  bool found = false;
  Value entry = lookup<passwd>(t, by_name, passwd_entry, found);
  if (found || t.pending) return entry;
  Value shown = repr(t, args[0]);
  return shown ? key_error(t, "getpwnam(): name not found: " + str_utf8(shown)) : Value();
}

INTERP_NATIVE(pwd_getpwall) {
  if (!check_positional(t, "getpwall", nargs, kwnames, 0, 0, 0)) return {};
  return walk<passwd>(t, setpwent, getpwent, endpwent, passwd_entry);
}

INTERP_NATIVE(grp_getgrgid) {
  if (!check_positional(t, "getgrgid", nargs, kwnames, 1, 1, 0)) return {};
  std::int64_t n = 0;
  bool in_range = false, found = false;
  if (!id_arg(t, args[0], "gid", n, in_range)) return {};
  if (!in_range) return key_error(t, "getgrgid(): gid not found");
  auto by_gid = [n](group* e, char* b, std::size_t size, group** r) {
    return getgrgid_r(gid_t(n), e, b, size, r);
  };
  Value entry = lookup<group>(t, by_gid, group_entry, found);
  if (found || t.pending) return entry;
  return key_error(t, "getgrgid(): gid not found: " + std::to_string(n));
}

INTERP_NATIVE(grp_getgrnam) {
  static const char* const kAllowed[] = {"name", nullptr};
  if (!check_keywords(t, "getgrnam", kwnames, kAllowed)) return {};
  Value name_v = arg_or_keyword(args, nargs, kwnames, 0, "name");
  if (!name_v)
    return raise(t, exc(E_TypeError), "getgrnam() missing required argument 'name' (pos 1)");
  std::string name_s;
  if (!name_arg(t, name_v, "getgrnam() argument 'name' must be str, not %s", name_s)) return {};
  auto by_name = [&name_s](group* e, char* b, std::size_t size, group** r) {
    return getgrnam_r(name_s.c_str(), e, b, size, r);
  };
  bool found = false;
  Value entry = lookup<group>(t, by_name, group_entry, found);
  if (found || t.pending) return entry;
  Value shown = repr(t, name_v);
  return shown ? key_error(t, "getgrnam(): name not found: " + str_utf8(shown)) : Value();
}

INTERP_NATIVE(grp_getgrall) {
  if (!check_positional(t, "getgrall", nargs, kwnames, 0, 0, 0)) return {};
  return walk<group>(t, setgrent, getgrent, endgrent, group_entry);
}

} // namespace

Value make_pwd_module(Thread& t) {
  static const ModuleFunction kFunctions[] = {
      {"getpwuid", pwd_getpwuid},
      {"getpwnam", pwd_getpwnam},
      {"getpwall", pwd_getpwall},
  };
  Value m = new_module(t, "pwd", kFunctions, std::size(kFunctions));
  if (!m) return {};
  Value type =
      new_struct_sequence_type(t, "struct_passwd", "pwd", kPasswdFields, std::size(kPasswdFields));
  if (!type) return {};
  module_set(t, m, "struct_passwd", type);
  return m;
}

Value make_grp_module(Thread& t) {
  static const ModuleFunction kFunctions[] = {
      {"getgrgid", grp_getgrgid},
      {"getgrnam", grp_getgrnam},
      {"getgrall", grp_getgrall},
  };
  Value m = new_module(t, "grp", kFunctions, std::size(kFunctions));
  if (!m) return {};
  Value type =
      new_struct_sequence_type(t, "struct_group", "grp", kGroupFields, std::size(kGroupFields));
  if (!type) return {};
  module_set(t, m, "struct_group", type);
  return m;
}

} // namespace interp
