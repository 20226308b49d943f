// interp/modules/bytecode_cache.cc - see bytecode_cache.h.
#include "interp/modules/bytecode_cache.h"

#include "interp/code_marshal.h"
#include "interp/compile/code_serial.h"
#include "interp/compile_source.h"
#include "interp/interp.h"
#include "interp/objects/objects.h"
#include "interp/ops.h"
#include "interp/vm/vm.h"
#include "stm/stm.h"

#include <atomic>
#include <cerrno>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace interp {

namespace {

constexpr std::size_t kHeaderSize = 16;
constexpr char kCodeType = 'c'; // marshal's type code of a code object

Value sys_value(Thread& t, const char* attr) {
  return getattr_opt(t, runtime().sys_module, intern_literal(t, attr));
}

void put_u32(std::string& out, std::uint32_t n) {
  for (int i = 0; i < 4; ++i)
    out.push_back(char((n >> (8 * i)) & 0xff));
}
std::uint32_t get_u32(std::string_view data, std::size_t at) {
  std::uint32_t n = 0;
  for (int i = 0; i < 4; ++i)
    n |= std::uint32_t(static_cast<unsigned char>(data[at + i])) << (8 * i);
  return n;
}

bool read_whole_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  out = s.str();
  return true;
}

// The header of a cache file for the source as `st` describes it.
std::string header_for(const struct stat& st) {
  std::string header(bytecode::build_magic());
  put_u32(header, 0); // flags: checked by the source's mtime and size
  put_u32(header, std::uint32_t(st.st_mtim.tv_sec));
  put_u32(header, std::uint32_t(st.st_size));
  return header;
}

enum class Cached { Missing, Stale, HashBased, Loaded };

// The module code from `cache_path` when it is current (0 otherwise, with no exception).
Cached load_cached(Thread& t, const std::string& cache_path, const struct stat& st, Value& code) {
  std::string data;
  if (!read_whole_file(cache_path, data)) return Cached::Missing;
  if (data.size() <= kHeaderSize) return Cached::Stale;
  std::string_view view(data);
  if (view.substr(0, 4) != bytecode::build_magic()) return Cached::Stale;
  std::uint32_t flags = get_u32(view, 4);
  // A hash-based cache (py_compile's --invalidation-mode) is checked by the source's hash,
  // which this loader does not compute: it compiles the source and leaves the file alone.
  if (flags & 1) return Cached::HashBased;
  if (flags != 0 || view.substr(0, kHeaderSize) != header_for(st) || view[kHeaderSize] != kCodeType)
    return Cached::Stale;
  std::size_t pos = kHeaderSize + 1;
  code = code_from_bytes(t, view, pos);
  if (!code) {
    clear_pending(t); // corrupt: compiled again and rewritten
    return Cached::Stale;
  }
  return Cached::Loaded;
}

// mkdir -p of the folder that will hold `file`.
void make_parent_folders(const std::string& file) {
  std::size_t slash = file.rfind('/');
  if (slash == std::string::npos || slash == 0) return;
  std::string folder = file.substr(0, slash);
  if (::mkdir(folder.c_str(), 0777) == 0 || errno == EEXIST) return;
  if (errno != ENOENT) return;
  make_parent_folders(folder);
  ::mkdir(folder.c_str(), 0777);
}

// Writes `data` to `path` through a temporary file in the same folder and a rename, so that
// a reader (another process, another thread) sees the old file or the whole new one.
// Any failure leaves things as they were.
void write_atomically(const std::string& path, std::string_view data, mode_t mode) {
  static std::atomic<std::uint64_t> serial{0};
  make_parent_folders(path);
  std::string temporary =
      path + "." + std::to_string(::getpid()) + "." + std::to_string(serial.fetch_add(1)) + ".tmp";
  int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
  if (fd < 0) return;
  bool ok = vm::write_fully(fd, -1, data) == 0;
  ok = ::close(fd) == 0 && ok;
  if (!ok || ::rename(temporary.c_str(), path.c_str()) != 0) ::unlink(temporary.c_str());
}

void store_cached(Thread& t, const std::string& cache_path, const struct stat& st, Value code) {
  Value dont_write = sys_value(t, "dont_write_bytecode");
  int skip = dont_write ? truthy(t, dont_write) : 0;
  if (skip != 0) {
    clear_pending(t);
    return;
  }
  std::string data = header_for(st);
  data.push_back(kCodeType);
  if (!code_to_bytes(t, code, data)) {
    clear_pending(t);
    return;
  }
  // The file outlives the transaction: it must not be written twice by a retry.
  stm::become_inevitable("bytecode cache write");
  // As CPython: the source's permissions, and writable by its owner (the next write
  // replaces the file).
  write_atomically(cache_path, data, (st.st_mode | 0200) & 0666);
}

} // namespace

bool cache_path_of(Thread& t, const std::string& source_path, std::string& out) {
  out.clear();
  Value impl = sys_value(t, "implementation");
  Value tag = impl ? getattr_opt(t, impl, intern_literal(t, "cache_tag")) : Value();
  if (!tag || !str_check(tag)) return !t.pending;
  std::size_t slash = source_path.rfind('/');
  std::string head = slash == std::string::npos ? "" : source_path.substr(0, slash);
  std::string tail = slash == std::string::npos ? source_path : source_path.substr(slash + 1);
  std::size_t dot = tail.rfind('.');
  std::string base = dot == std::string::npos ? tail : tail.substr(0, dot);
  if (base.empty()) base = tail.substr(dot + 1); // ".py" itself
  std::string file = base + "." + str_utf8(tag);
  if (options().optimize > 0) file += ".opt-" + std::to_string(options().optimize);
  file += ".pyc";
  Value prefix = sys_value(t, "pycache_prefix");
  if (prefix && str_check(prefix)) {
    if (head.empty() || head[0] != '/') {
      char cwd[4096];
      std::string here = ::getcwd(cwd, sizeof cwd) ? cwd : "";
      head = head.empty() ? here : here + "/" + head;
    }
    std::size_t start = head.find_first_not_of('/');
    head = start == std::string::npos ? "" : head.substr(start);
    std::string root = str_utf8(prefix);
    out = root + (root.empty() || root.back() == '/' ? "" : "/") +
          (head.empty() ? "" : head + "/") + file;
  } else {
    out = (head.empty() ? "" : head + "/") + "__pycache__/" + file;
  }
  if (t.pending) clear_pending(t);
  return true;
}

Value source_module_code(Thread& t, const std::string& source_path, const std::string& cache_path) {
  struct stat st;
  bool known = ::stat(source_path.c_str(), &st) == 0;
  Cached cached = Cached::Missing;
  if (known && !cache_path.empty()) {
    Value code;
    cached = load_cached(t, cache_path, st, code);
    if (cached == Cached::Loaded) return code;
  }
  std::string source;
  if (!read_whole_file(source_path, source))
    return raisef(t, exc(E_ImportError), "cannot read %s", source_path.c_str());
  Value code = compile_source(t, source, source_path, ast::Mode::Exec);
  if (code && known && !cache_path.empty() && cached != Cached::HashBased)
    store_cached(t, cache_path, st, code);
  return code;
}

} // namespace interp
