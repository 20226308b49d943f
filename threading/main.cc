// threading/main.cc - the pypy-stm command: python3's command line. It lives in the top
// layer because it composes the interpreter with the thread layer.
#include "interp/interp.h"
#include "threading/threading.h"

#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace {

constexpr const char* kVersion = "Python 3.11.2";
constexpr const char* kLongVersion = "Python 3.11.2 (pypy-stm 0.1.0) [C++20]";

const char* usage_line = "usage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n";

[[noreturn]] void usage_error(const char* program, const std::string& message) {
  std::fprintf(stderr, "%s\n", message.c_str());
  std::fprintf(stderr, usage_line, program);
  std::fprintf(stderr, "Try `python -h' for more information.\n");
  std::exit(2);
}

const char* const kHelp =
    "Options (and corresponding environment variables):\n"
    "-b     : issue warnings about str(bytes_instance), str(bytearray_instance)\n"
    "         and comparing bytes/bytearray with str. (-bb: issue errors)\n"
    "-B     : don't write .pyc files on import; also PYTHONDONTWRITEBYTECODE=x\n"
    "-c cmd : program passed in as string (terminates option list)\n"
    "-d     : turn on parser debugging output (for experts only, only works on\n"
    "         debug builds); also PYTHONDEBUG=x\n"
    "-E     : ignore PYTHON* environment variables (such as PYTHONPATH)\n"
    "-h     : print this help message and exit (also -? or --help)\n"
    "-i     : inspect interactively after running script; forces a prompt even\n"
    "         if stdin does not appear to be a terminal; also PYTHONINSPECT=x\n"
    "-I     : isolate Python from the user's environment (implies -E and -s)\n"
    "-m mod : run library module as a script (terminates option list)\n"
    "-O     : remove assert and __debug__-dependent statements; add .opt-1 before\n"
    "         .pyc extension; also PYTHONOPTIMIZE=x\n"
    "-OO    : do -O changes and also discard docstrings; add .opt-2 before\n"
    "         .pyc extension\n"
    "-P     : don't prepend a potentially unsafe path to sys.path\n"
    "-q     : don't print version and copyright messages on interactive startup\n"
    "-s     : don't add user site directory to sys.path; also PYTHONNOUSERSITE\n"
    "-S     : don't imply 'import site' on initialization\n"
    "-u     : force the stdout and stderr streams to be unbuffered;\n"
    "         this option has no effect on stdin; also PYTHONUNBUFFERED=x\n"
    "-v     : verbose (trace import statements); also PYTHONVERBOSE=x\n"
    "         can be supplied multiple times to increase verbosity\n"
    "-V     : print the Python version number and exit (also --version)\n"
    "         when given twice, print more information about the build\n"
    "-W arg : warning control; arg is action:message:category:module:lineno\n"
    "         also PYTHONWARNINGS=arg\n"
    "-x     : skip first line of source, allowing use of non-Unix forms of #!cmd\n"
    "-X opt : set implementation-specific option\n"
    "--check-hash-based-pycs always|default|never:\n"
    "         control how Python invalidates hash-based .pyc files\n"
    "--help-env      : print help about Python environment variables and exit\n"
    "--help-xoptions : print help about implementation-specific -X options and exit\n"
    "--help-all      : print complete help information and exit\n"
    "Arguments:\n"
    "file   : program read from script file\n"
    "-      : program read from stdin (default; interactive mode if a tty)\n"
    "arg ...: arguments passed to program in sys.argv[1:]\n";

const char* const kHelpEnv =
    "Environment variables that change behavior:\n"
    "PYTHONSTARTUP: file executed on interactive startup (no default)\n"
    "PYTHONPATH   : ':'-separated list of directories prefixed to the\n"
    "               default module search path.  The result is sys.path.\n"
    "PYTHONSAFEPATH: don't prepend a potentially unsafe path to sys.path.\n"
    "PYTHONHASHSEED: if this variable is set to 'random', a random value is used\n"
    "   to seed the hashes of str and bytes objects.  It can also be set to an\n"
    "   integer in the range [0,4294967295] to get hash values with a\n"
    "   predictable seed.\n"
    "PYTHONINTMAXSTRDIGITS: limits the maximum digit characters in an int value\n"
    "   when converting from a string and when converting an int back to a str.\n"
    "   A value of 0 disables the limit.\n"
    "PYTHONUTF8: if set to 1, enable the UTF-8 mode.\n"
    "PYTHONWARNINGS, PYTHONINSPECT, PYTHONOPTIMIZE, PYTHONDONTWRITEBYTECODE,\n"
    "PYTHONUNBUFFERED, PYTHONVERBOSE, PYTHONNOUSERSITE, PYTHONDEVMODE: as the\n"
    "   options -W, -i, -O, -B, -u, -v, -s and -X dev.\n"
    "PYPYSTM: the file that receives the log of conflicts and other events.\n"
    "PYPYSTM_TX_LENGTH: the number of instructions after which a transaction\n"
    "   commits and the next one starts.\n";

const char* const kHelpXOptions =
    "The following implementation-specific options are available:\n"
    "-X utf8: enable UTF-8 mode for operating system interfaces, overriding the default\n"
    "   locale-aware mode. -X utf8=0 explicitly disables UTF-8 mode (even when it would\n"
    "   otherwise activate automatically)\n"
    "-X dev: enable CPython's \"development mode\", introducing additional runtime checks\n"
    "   which are too expensive to be enabled by default.\n"
    "-X int_max_str_digits=number: limit the size of int<->str conversions.\n"
    "   This helps avoid denial of service attacks when parsing untrusted data.\n"
    "   The default is sys.int_info.default_max_str_digits.  0 disables.\n"
    "Other -X options are accepted and shown in sys._xoptions.\n";

std::string read_fd(int fd) {
  std::string all;
  char buffer[65536];
  for (;;) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n > 0) {
      all.append(buffer, std::size_t(n));
    } else if (n == 0 || errno != EINTR) {
      break;
    }
  }
  return all;
}

std::string current_dir() {
  char cwd[PATH_MAX];
  return getcwd(cwd, sizeof cwd) ? cwd : ".";
}

// "a/./b/../c" -> "a/c", without resolving links (sys.executable keeps the name used).
std::string normalize(const std::string& path) {
  std::vector<std::string> parts;
  std::size_t at = 0;
  while (at <= path.size()) {
    std::size_t slash = path.find('/', at);
    std::string part = path.substr(at, slash == std::string::npos ? std::string::npos : slash - at);
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    if (slash == std::string::npos) break;
    at = slash + 1;
  }
  std::string out;
  for (const std::string& p : parts)
    out += "/" + p;
  return out.empty() ? "/" : out;
}

// Joined to the working folder and not normalized, as CPython shows the main file's path.
std::string joined_to_cwd(const std::string& path) {
  return path[0] == '/' ? path : current_dir() + "/" + path;
}

std::string absolute(const std::string& path) {
  return normalize(joined_to_cwd(path));
}

// The command's absolute path: as given when it names a folder, else found on PATH.
std::string find_executable(const char* argv0) {
  std::string name = argv0;
  if (name.find('/') != std::string::npos) return absolute(name);
  if (const char* path = std::getenv("PATH")) {
    std::string all = path;
    std::size_t at = 0;
    while (at <= all.size()) {
      std::size_t colon = all.find(':', at);
      std::string dir = all.substr(at, colon == std::string::npos ? std::string::npos : colon - at);
      std::string candidate = (dir.empty() ? "." : dir) + "/" + name;
      if (access(candidate.c_str(), X_OK) == 0) return absolute(candidate);
      if (colon == std::string::npos) break;
      at = colon + 1;
    }
  }
  char self[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
  return n > 0 ? std::string(self, std::size_t(n)) : name;
}

// Whether the file ends in a zip archive's end-of-central-directory record (it may be
// followed by a comment of up to 64 KiB, and preceded by anything: a #! line, say).
bool is_zip_archive(const std::string& path) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return false;
  std::string tail(22 + 65535, '\0');
  bool found = false;
  if (std::fseek(f, 0, SEEK_END) == 0) {
    long size = std::ftell(f);
    long start = size > long(tail.size()) ? size - long(tail.size()) : 0;
    if (size >= 22 && std::fseek(f, start, SEEK_SET) == 0) {
      tail.resize(std::fread(tail.data(), 1, tail.size(), f));
      for (std::size_t at = tail.size() - 22 + 1; at-- > 0 && !found;)
        found = tail.compare(at, 4, "PK\x05\x06") == 0;
    }
  }
  std::fclose(f);
  return found;
}

// The folder of the script, links resolved, as CPython puts it first on sys.path.
std::string script_dir(const std::string& script) {
  char resolved[PATH_MAX];
  std::string full = realpath(script.c_str(), resolved) ? std::string(resolved) : absolute(script);
  std::size_t slash = full.rfind('/');
  return slash == 0 ? "/" : full.substr(0, slash);
}

// An environment variable's value, or null when -E/-I hide them or it is empty.
const char* env(const interp::Options& o, const char* name) {
  if (o.ignore_environment) return nullptr;
  const char* v = std::getenv(name);
  return v && *v ? v : nullptr;
}

// PYTHONOPTIMIZE=2 means -OO; any other non-number text counts as one.
int env_level(const interp::Options& o, const char* name) {
  const char* v = env(o, name);
  if (!v) return 0;
  char* end;
  long n = std::strtol(v, &end, 10);
  if (*end || end == v) return 1;
  return int(n < 0 ? 0 : n > 1000 ? 1000 : n);
}

void add_xoption(interp::Options& o, const std::string& text) {
  interp::Options::XOption x;
  std::size_t eq = text.find('=');
  x.name = text.substr(0, eq);
  if (eq != std::string::npos) {
    x.value = text.substr(eq + 1);
    x.has_value = true;
  }
  o.xoptions.push_back(x);
}

// Settings that -X options and PYTHON* variables decide once the whole command line is
// known (an option wins over its variable).
// The limit of int<->str conversions that `text` sets: 0 or at least 640, else CPython's
// fatal error at start-up, naming `source` (the variable or the -X option).
int digits_limit(const char* text, const char* source) {
  char* end = nullptr;
  errno = 0;
  long n = std::strtol(text, &end, 10);
  if (!*text || *end || errno || n < 0 || n > INT_MAX || (n > 0 && n < 640)) {
    std::fprintf(stderr,
                 "Fatal Python error: config_init_int_max_str_digits: %s: invalid limit; must be "
                 ">= 640 or 0 for unlimited.\nPython runtime state: preinitialized\n\n",
                 source);
    std::exit(1);
  }
  return int(n);
}

void settle_options(interp::Options& o, bool unbuffered_option) {
  o.inspect = o.inspect || env(o, "PYTHONINSPECT") ? 1 : 0;
  o.optimize = std::max(o.optimize, env_level(o, "PYTHONOPTIMIZE"));
  o.verbose = std::max(o.verbose, env_level(o, "PYTHONVERBOSE"));
  o.debug = std::max(o.debug, env_level(o, "PYTHONDEBUG"));
  if (env(o, "PYTHONDONTWRITEBYTECODE")) o.dont_write_bytecode = 1;
  if (env(o, "PYTHONNOUSERSITE")) o.no_user_site = 1;
  if (env(o, "PYTHONSAFEPATH")) o.safe_path = true;
  o.unbuffered = unbuffered_option || env(o, "PYTHONUNBUFFERED");
  if (const char* utf8 = env(o, "PYTHONUTF8")) o.utf8_mode = std::strcmp(utf8, "0") != 0;
  if (env(o, "PYTHONDEVMODE")) o.dev_mode = true;
  if (const char* digits = env(o, "PYTHONINTMAXSTRDIGITS"))
    o.int_max_str_digits = digits_limit(digits, "PYTHONINTMAXSTRDIGITS");
  if (const char* prefix = env(o, "PYTHONPYCACHEPREFIX")) o.pycache_prefix = prefix;
  const char* seed = env(o, "PYTHONHASHSEED");
  if (!interp::set_hash_seed(seed)) {
    std::fputs("Fatal Python error: config_init_hash_seed: PYTHONHASHSEED must be \"random\" or "
               "an integer in range [0; 4294967295]\nPython runtime state: preinitialized\n\n",
               stderr);
    std::exit(1);
  }
  o.hash_randomization = seed && std::strcmp(seed, "random") != 0 && std::atol(seed) == 0 ? 0 : 1;
  for (const auto& x : o.xoptions) {
    if (x.name == "utf8") o.utf8_mode = !x.has_value || x.value != "0";
    if (x.name == "dev") o.dev_mode = true;
    if (x.name == "warn_default_encoding") o.warn_default_encoding = 1;
    if (x.name == "int_max_str_digits")
      o.int_max_str_digits =
          digits_limit(x.has_value ? x.value.c_str() : "", "-X int_max_str_digits");
    if (x.name == "pycache_prefix" && x.has_value) o.pycache_prefix = x.value;
  }
  // sys.warnoptions: -X dev's "default" first, then PYTHONWARNINGS, then -W, then -b.
  std::vector<std::string> warn;
  if (o.dev_mode) warn.push_back("default");
  if (const char* w = env(o, "PYTHONWARNINGS")) {
    std::string all = w;
    std::size_t at = 0;
    while (at <= all.size()) {
      std::size_t comma = all.find(',', at);
      std::string part =
          all.substr(at, comma == std::string::npos ? std::string::npos : comma - at);
      if (!part.empty()) warn.push_back(part);
      if (comma == std::string::npos) break;
      at = comma + 1;
    }
  }
  warn.insert(warn.end(), o.warnoptions.begin(), o.warnoptions.end());
  if (o.bytes_warning == 1) warn.push_back("default::BytesWarning");
  if (o.bytes_warning >= 2) warn.push_back("error::BytesWarning");
  o.warnoptions = warn;
}

int finish(int status) {
  std::fflush(stdout);
  if (pypystm::threading::run_report_wanted()) pypystm::threading::print_run_report(stderr);
  std::fflush(stderr);
  if (status == interp::kExitBySigint) {
    std::signal(SIGINT, SIG_DFL);
    std::raise(SIGINT);
    status = 130;
  }
  std::_Exit(status);
}

// sys.path's first entry for a folder or zip archive run as the program.
void set_main_importer_path(interp::Options& options, const std::string& path) {
  if (options.safe_path)
    options.path_prefix.push_back(path);
  else
    options.path_prefix.back() = path;
}

} // namespace

int main(int argc, char** argv) {
  // As CPython does at start-up: a write to a closed pipe is EPIPE (BrokenPipeError), not
  // the end of the process, and so is a write past the file size limit (EFBIG).
  // _posixsubprocess gives child processes the default actions back.
  std::signal(SIGPIPE, SIG_IGN);
  std::signal(SIGXFSZ, SIG_IGN);
  const char* program = argv[0];
  interp::Options options;
  options.program = program;
  options.orig_argv.assign(argv, argv + argc);
  std::string command, module;
  bool have_command = false, have_module = false, unbuffered = false;
  int version = 0;
  int i = 1;
  for (; i < argc && !have_command && !have_module; ++i) {
    std::string a = argv[i];
    if (a == "--") {
      ++i;
      break;
    }
    if (a.size() < 2 || a[0] != '-') break;
    if (a.rfind("--", 0) == 0) {
      if (a == "--version") {
        ++version;
      } else if (a == "--help") {
        std::printf(usage_line, program);
        std::fputs(kHelp, stdout);
        return 0;
      } else if (a == "--help-env") {
        std::fputs(kHelpEnv, stdout);
        return 0;
      } else if (a == "--help-xoptions") {
        std::fputs(kHelpXOptions, stdout);
        return 0;
      } else if (a == "--help-all") {
        std::printf(usage_line, program);
        std::fputs(kHelp, stdout);
        std::printf("\n%s\n%s", kHelpEnv, kHelpXOptions);
        return 0;
      } else if (a == "--check-hash-based-pycs") {
        if (i + 1 >= argc)
          usage_error(program, "Argument expected for the --check-hash-based-pycs option");
        std::string v = argv[++i];
        if (v != "default" && v != "always" && v != "never")
          usage_error(program,
                      "--check-hash-based-pycs must be one of 'default', 'always', or 'never'");
      } else {
        usage_error(program, "unknown option " + a);
      }
      continue;
    }
    // Single-letter options, possibly grouped (-uE); -c, -m, -W, -X take a value, the rest
    // of the word or the next argument.
    for (std::size_t k = 1; k < a.size(); ++k) {
      char c = a[k];
      if (c == 'c' || c == 'm' || c == 'W' || c == 'X') {
        std::string value;
        if (k + 1 < a.size()) {
          value = a.substr(k + 1);
        } else {
          if (i + 1 >= argc)
            usage_error(program, std::string("Argument expected for the -") + c + " option");
          value = argv[++i];
        }
        if (c == 'c') {
          command = value;
          have_command = true;
        } else if (c == 'm') {
          module = value;
          have_module = true;
        } else if (c == 'W') {
          options.warnoptions.push_back(value);
        } else {
          add_xoption(options, value);
        }
        break;
      }
      switch (c) {
      case 'V':
        ++version;
        break;
      case 'h':
      case '?':
        std::printf(usage_line, program);
        std::fputs(kHelp, stdout);
        return 0;
      case 'u':
        unbuffered = true;
        break;
      case 'E':
        options.ignore_environment = true;
        break;
      case 'I':
        options.isolated = 1;
        options.ignore_environment = true;
        options.no_user_site = 1;
        options.safe_path = true;
        break;
      case 'P':
        options.safe_path = true;
        break;
      case 'i':
        options.inspect = 1;
        options.interactive = 1;
        break;
      case 'O':
        ++options.optimize;
        break;
      case 'B':
        options.dont_write_bytecode = 1;
        break;
      case 'b':
        ++options.bytes_warning;
        break;
      case 'd':
        ++options.debug;
        break;
      case 'q':
        options.quiet = 1;
        break;
      case 's':
        options.no_user_site = 1;
        break;
      case 'S':
        options.no_site = 1;
        break;
      case 'v':
        ++options.verbose;
        break;
      case 'R':
      case 'x':
        break;
      case 'J':
        usage_error(program, "-J is reserved for Jython");
      default:
        usage_error(program, std::string("Unknown option: -") + c);
      }
    }
  }
  if (version) {
    std::printf("%s\n", version > 1 ? kLongVersion : kVersion);
    return 0;
  }
  settle_options(options, unbuffered);
  options.executable = find_executable(program);

  // What runs: -c, -m, a script, or stdin (a program, or the REPL on a terminal).
  std::string source, filename, script;
  bool read_stdin = false;
  if (have_command) {
    options.argv.push_back("-c");
    if (!options.safe_path) options.path_prefix.push_back("");
    source = command;
    filename = "<string>";
  } else if (have_module) {
    // sys.argv[0] becomes the module's file once found.
    options.argv.push_back("-m");
    if (!options.safe_path) options.path_prefix.push_back(current_dir());
  } else if (i < argc && std::strcmp(argv[i], "-") != 0) {
    script = argv[i++];
    options.argv.push_back(script);
    if (!options.safe_path) options.path_prefix.push_back(script_dir(script));
  } else {
    read_stdin = true;
    if (i < argc) {
      options.argv.push_back(argv[i++]);
    } else {
      options.argv.push_back("");
    }
    if (!options.safe_path) options.path_prefix.push_back("");
  }
  for (; i < argc; ++i)
    options.argv.push_back(argv[i]);
  // No program and a terminal on stdin (or -i): the REPL alone. A terminal alone does not
  // make sys.flags.interactive 1, as in CPython.
  bool repl_only = read_stdin && (isatty(0) || options.inspect);

  // A folder runs its __main__.py, with the folder itself first on sys.path, as CPython
  // runs it (through runpy there); even under -P and -I, which only spare sys.path the
  // script's own folder, the folder or archive that holds __main__ goes first.
  std::string script_file = script;
  struct stat script_stat;
  if (!script.empty() && ::stat(script.c_str(), &script_stat) == 0 &&
      S_ISDIR(script_stat.st_mode)) {
    std::string folder = joined_to_cwd(script);
    script_file = folder + "/__main__.py";
    if (::access(script_file.c_str(), R_OK) != 0) {
      std::fprintf(stderr, "%s: can't find '__main__' module in '%s'\n", program, folder.c_str());
      return 1;
    }
    set_main_importer_path(options, normalize(folder));
  }
  // A zip archive (zipapp's .pyz, perhaps behind a #! line) runs its __main__ module,
  // with the archive first on sys.path.
  bool archive = !script.empty() && S_ISREG(script_stat.st_mode) && is_zip_archive(script);
  if (archive) {
    set_main_importer_path(options, normalize(joined_to_cwd(script)));
  } else if (!script.empty()) {
    FILE* f = std::fopen(script_file.c_str(), "rb");
    if (!f) {
      int error = errno;
      std::fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", program,
                   absolute(script).c_str(), error, std::strerror(error));
      return 2;
    }
    char buffer[65536];
    std::size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0)
      source.append(buffer, n);
    std::fclose(f);
    // As CPython 3.9+: the main module's file is absolute (joined to the working folder,
    // not normalized); sys.argv[0] stays as given.
    filename = joined_to_cwd(script_file);
  } else if (read_stdin && !repl_only) {
    source = read_fd(0);
    filename = "<stdin>";
  }

  pypystm::threading::install(options);
  interp::start(options);
  int status = 0;
  if (have_module) {
    status = interp::run_main_module(module);
  } else if (archive) {
    status = interp::run_main_archive();
  } else if (!repl_only) {
    status = interp::run_main_source(source, filename);
  }
  // -i (or PYTHONINSPECT) enters the REPL after the program, whatever its end, unless it
  // was killed by an interrupt.
  if ((options.inspect || repl_only) && status != interp::kExitBySigint)
    status = interp::run_repl(repl_only);
  status = interp::finalize(status);
  return finish(status);
}
