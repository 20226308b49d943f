// interp/modules/stat.cc - the _stat module: filemode(), which stat.py takes over from its
// own Python version when _stat exists. The two differ for a mode with no file type bits
// (tar members and zip entries store only permissions): the C one marks its type '?', and
// tarfile's and zipfile's listings show that.
#include "interp/modules/module_support.h"
#include "interp/objects/args.h"
#include "interp/objects/objects.h"

#include <sys/stat.h>

namespace interp {

namespace {

char type_letter(std::uint64_t mode) {
  switch (mode & S_IFMT) {
  case S_IFDIR:
    return 'd';
  case S_IFREG:
    return '-';
  case S_IFLNK:
    return 'l';
  case S_IFBLK:
    return 'b';
  case S_IFCHR:
    return 'c';
  case S_IFIFO:
    return 'p';
  case S_IFSOCK:
    return 's';
  default:
    return '?';
  }
}

// One rwx triple; `special` (setuid, setgid, sticky) shows in the execute place.
void permission_letters(std::string& out, std::uint64_t mode, unsigned shift, bool special,
                        char special_exec, char special_noexec) {
  out += (mode >> shift) & 4 ? 'r' : '-';
  out += (mode >> shift) & 2 ? 'w' : '-';
  bool exec = (mode >> shift) & 1;
  if (special)
    out += exec ? special_exec : special_noexec;
  else
    out += exec ? 'x' : '-';
}

INTERP_NATIVE(stat_filemode) {
  if (!check_positional(t, "filemode", nargs, kwnames, 1, 1, 0)) return {};
  // Only an int will do (no __index__), as for CPython's mode_t conversion.
  if (!int_check(args[0])) return raise(t, exc(E_TypeError), "an integer is required");
  std::int64_t mode;
  if (!int_to_i64(args[0], mode))
    return raise(t, exc(E_OverflowError), "Python int too large to convert to C unsigned long");
  if (mode < 0)
    return raise(t, exc(E_OverflowError), "can't convert negative value to unsigned int");
  if (mode > 0xffffffffll) return raise(t, exc(E_OverflowError), "mode out of range");
  std::uint64_t m = std::uint64_t(mode);
  std::string out(1, type_letter(m));
  permission_letters(out, m, 6, m & S_ISUID, 's', 'S');
  permission_letters(out, m, 3, m & S_ISGID, 's', 'S');
  permission_letters(out, m, 0, m & S_ISVTX, 't', 'T');
  return str_from_ascii(t, out);
}

} // namespace

Value make_stat_module(Thread& t) {
  static const ModuleFunction kFunctions[] = {{"filemode", stat_filemode}};
  return new_module(t, "_stat", kFunctions, std::size(kFunctions));
}

} // namespace interp
