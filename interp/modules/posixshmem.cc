// interp/modules/posixshmem.cc - _posixshmem: POSIX shared memory objects by name, for
// multiprocessing.shared_memory and multiprocessing's resource tracker.
#include "interp/interp.h"
#include "interp/modules/module_support.h"
#include "interp/modules/modules.h"
#include "interp/objects/args.h"
#include "interp/ops.h"
#include "stm/stm.h"

#include <cerrno>
#include <fcntl.h>
#include <sys/mman.h>

namespace interp {
namespace {

bool path_of(Thread& t, const char* fn, Value v, std::string& out) {
  if (!str_check(v)) {
    raisef(t, exc(E_TypeError), "%s() argument 'path' must be str, not %s", fn,
           type_name_of(v).c_str());
    return false;
  }
  out = str_utf8(v);
  return true;
}

// shm_open(path, flags, mode=0o777): a descriptor of the named object.
INTERP_NATIVE(posixshmem_shm_open) {
  Value path_v = arg_or_keyword(args, nargs, kwnames, 0, "path");
  Value flags_v = arg_or_keyword(args, nargs, kwnames, 1, "flags");
  Value mode_v = arg_or_keyword(args, nargs, kwnames, 2, "mode");
  if (!path_v || !flags_v)
    return raisef(t, exc(E_TypeError), "shm_open() missing required argument '%s' (pos %d)",
                  path_v ? "flags" : "path", path_v ? 2 : 1);
  std::string path;
  std::int64_t flags, mode = 0777;
  if (!path_of(t, "shm_open", path_v, path) || !index_to_i64(t, flags_v, flags) ||
      (mode_v && !index_to_i64(t, mode_v, mode)))
    return {};
  stm::become_inevitable("shm_open");
  int fd;
  do
    fd = ::shm_open(path.c_str(), int(flags), mode_t(mode));
  while (fd < 0 && errno == EINTR);
  if (fd < 0) return raise_os_error(t, errno, path_v);
  return Value::small_int(fd);
}

// shm_unlink(path): removes the name; the memory goes once nothing maps it.
INTERP_NATIVE(posixshmem_shm_unlink) {
  Value path_v = arg_or_keyword(args, nargs, kwnames, 0, "path");
  if (!path_v)
    return raise(t, exc(E_TypeError), "shm_unlink() missing required argument 'path' (pos 1)");
  std::string path;
  if (!path_of(t, "shm_unlink", path_v, path)) return {};
  stm::become_inevitable("shm_unlink");
  if (::shm_unlink(path.c_str()) < 0) return raise_os_error(t, errno, path_v);
  return none();
}

} // namespace

Value make_posixshmem_module(Thread& t) {
  static const ModuleFunction kFunctions[] = {{"shm_open", posixshmem_shm_open},
                                              {"shm_unlink", posixshmem_shm_unlink}};
  return new_module(t, "_posixshmem", kFunctions, 2);
}

} // namespace interp
