// interp/modules/builtin_modules.cc - the table of modules written in C++ (other than
// builtins and sys): each has a file of its own.
#include "interp/interp.h"
#include "interp/modules/modules.h"
#include "interp/objects/args.h"
#include "interp/objects/objects.h"
#include "interp/ops.h"

#include <algorithm>

namespace interp {

Value make_math_module(Thread& t);
Value make_cmath_module(Thread& t);
Value make_weakref_module(Thread& t);
Value make_itertools_module(Thread& t);
Value make_functools_module(Thread& t);
Value make_collections_module(Thread& t);
Value make_posix_module(Thread& t);
Value make_posixsubprocess_module(Thread& t);
Value make_select_module(Thread& t);
Value make_socket_module(Thread& t);
Value make_atexit_module(Thread& t);
Value make_abc_module(Thread& t);
Value make_io_module(Thread& t);
Value make_errno_module(Thread& t);
Value make_stat_module(Thread& t);
Value make_pwd_module(Thread& t);
Value make_grp_module(Thread& t);
Value make_resource_module(Thread& t);
Value make_fcntl_module(Thread& t);
Value make_termios_module(Thread& t);
Value make_syslog_module(Thread& t);
Value make_locale_module(Thread& t);
Value make_bz2_module(Thread& t);
Value make_readline_module(Thread& t);
Value make_faulthandler_module(Thread& t);
Value make_lzma_module(Thread& t);
Value make_sqlite3_module(Thread& t);
Value make_sre_module(Thread& t);
Value make_time_module(Thread& t);
Value make_gc_module(Thread& t);
Value make_random_module(Thread& t);
Value make_sha512_module(Thread& t);
Value make_sha256_module(Thread& t);
Value make_sha1_module(Thread& t);
Value make_md5_module(Thread& t);
Value make_binascii_module(Thread& t);
Value make_zlib_module(Thread& t);
Value make_operator_module(Thread& t);
Value make_blake2_module(Thread& t);
Value make_sha3_module(Thread& t);
Value make_struct_module(Thread& t);
Value make_csv_module(Thread& t);
Value make_json_module(Thread& t);
Value make_pickle_module(Thread& t);
Value make_codecs_module(Thread& t);
Value make_multibytecodec_module(Thread& t);
Value make_cjk_codec_module(Thread& t, const std::string& name);
Value make_string_module(Thread& t);
Value make_ast_module(Thread& t);
Value make_imp_module(Thread& t);
Value make_warnings_module(Thread& t);
Value make_marshal_module(Thread& t);
Value make_contextvars_module(Thread& t);
Value make_signal_module(Thread& t);
Value make_array_module(Thread& t);
Value make_unicodedata_module(Thread& t);
Value make_pyexpat_module(Thread& t);
Value make_mmap_module(Thread& t);
Value make_multiprocessing_module(Thread& t);
Value make_posixshmem_module(Thread& t);
Value make_bisect_module(Thread& t);
Value make_tokenize_module(Thread& t);
Value make_tracemalloc_module(Thread& t);
const std::vector<std::pair<std::string, ModuleFactory>>& registered_modules(); // interp.cc

Value make_builtin_module(Thread& t, const std::string& module_name) {
  if (module_name == "time") return make_time_module(t);
  if (module_name == "gc") return make_gc_module(t);
  if (module_name == "_random") return make_random_module(t);
  if (module_name == "_sha512") return make_sha512_module(t);
  if (module_name == "_sha256") return make_sha256_module(t);
  if (module_name == "_sha1") return make_sha1_module(t);
  if (module_name == "_md5") return make_md5_module(t);
  if (module_name == "binascii") return make_binascii_module(t);
  if (module_name == "zlib") return make_zlib_module(t);
  if (module_name == "_operator") return make_operator_module(t);
  if (module_name == "_blake2") return make_blake2_module(t);
  if (module_name == "_sha3") return make_sha3_module(t);
  if (module_name == "_struct") return make_struct_module(t);
  if (module_name == "_csv") return make_csv_module(t);
  if (module_name == "_json") return make_json_module(t);
  if (module_name == "_pickle") return make_pickle_module(t);
  if (module_name == "_codecs") return make_codecs_module(t);
  if (module_name == "_multibytecodec") return make_multibytecodec_module(t);
  if (module_name.starts_with("_codecs_")) return make_cjk_codec_module(t, module_name);
  if (module_name == "_string") return make_string_module(t);
  if (module_name == "_ast") return make_ast_module(t);
  if (module_name == "math") return make_math_module(t);
  if (module_name == "cmath") return make_cmath_module(t);
  if (module_name == "_weakref") return make_weakref_module(t);
  if (module_name == "itertools") return make_itertools_module(t);
  if (module_name == "_functools") return make_functools_module(t);
  if (module_name == "_collections") return make_collections_module(t);
  if (module_name == "posix") return make_posix_module(t);
  if (module_name == "_posixsubprocess") return make_posixsubprocess_module(t);
  if (module_name == "select") return make_select_module(t);
  if (module_name == "_socket") return make_socket_module(t);
  if (module_name == "atexit") return make_atexit_module(t);
  if (module_name == "_abc") return make_abc_module(t);
  if (module_name == "_io") return make_io_module(t);
  if (module_name == "errno") return make_errno_module(t);
  if (module_name == "_stat") return make_stat_module(t);
  if (module_name == "pwd") return make_pwd_module(t);
  if (module_name == "grp") return make_grp_module(t);
  if (module_name == "resource") return make_resource_module(t);
  if (module_name == "fcntl") return make_fcntl_module(t);
  if (module_name == "termios") return make_termios_module(t);
  if (module_name == "syslog") return make_syslog_module(t);
  if (module_name == "_locale") return make_locale_module(t);
  if (module_name == "_bz2") return make_bz2_module(t);
  if (module_name == "readline") return make_readline_module(t);
  if (module_name == "faulthandler") return make_faulthandler_module(t);
  if (module_name == "_lzma") return make_lzma_module(t);
  if (module_name == "_sqlite3") return make_sqlite3_module(t);
  if (module_name == "_sre") return make_sre_module(t);
  if (module_name == "_imp") return make_imp_module(t);
  if (module_name == "_warnings") return make_warnings_module(t);
  if (module_name == "marshal") return make_marshal_module(t);
  if (module_name == "_contextvars") return make_contextvars_module(t);
  if (module_name == "_signal") return make_signal_module(t);
  if (module_name == "array") return make_array_module(t);
  if (module_name == "unicodedata") return make_unicodedata_module(t);
  if (module_name == "pyexpat") return make_pyexpat_module(t);
  if (module_name == "mmap") return make_mmap_module(t);
  if (module_name == "_multiprocessing") return make_multiprocessing_module(t);
  if (module_name == "_posixshmem") return make_posixshmem_module(t);
  if (module_name == "_bisect") return make_bisect_module(t);
  if (module_name == "_tokenize") return make_tokenize_module(t);
  if (module_name == "_tracemalloc") return make_tracemalloc_module(t);
  for (auto& [registered, factory] : registered_modules())
    if (registered == module_name) return factory(t);
  if (module_name == "builtins") return runtime().builtins_module;
  if (module_name == "sys") return runtime().sys_module;
  return {};
}

std::vector<std::string> builtin_module_names() {
  std::vector<std::string> names = {
      "time",         "gc",          "_random",    "_sha512",    "_struct",      "_codecs",
      "_string",      "_ast",        "math",       "cmath",      "_weakref",     "itertools",
      "_collections", "posix",       "atexit",     "_io",        "errno",        "_sre",
      "_imp",         "_warnings",   "marshal",    "builtins",   "sys",          "_contextvars",
      "_sha256",      "_sha1",       "_md5",       "binascii",   "_operator",    "_blake2",
      "_sha3",        "_signal",     "_csv",       "array",      "zlib",         "_posixsubprocess",
      "select",       "unicodedata", "pyexpat",    "_socket",    "pwd",          "grp",
      "resource",     "fcntl",       "termios",    "_bz2",       "faulthandler", "_lzma",
      "_sqlite3",     "syslog",      "mmap",       "readline",   "_stat",        "_multiprocessing",
      "_posixshmem",  "_abc",        "_json",      "_pickle",    "_tokenize",    "_multibytecodec",
      "_codecs_jp",   "_codecs_cn",  "_codecs_kr", "_codecs_tw", "_codecs_hk",   "_codecs_iso2022",
      "_bisect",      "_functools",  "_tracemalloc", "_locale"};
  for (auto& [registered, factory] : registered_modules())
    names.push_back(registered);
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

} // namespace interp
