// threading/main.cc - the pypy-stm command: python3's command line. It lives in the top
// layer because it composes the interpreter with the thread layer.
#include "interp/interp.h"
#include "threading/threading.h"

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

void usage_error(const char* program, const std::string& message) {
  std::fprintf(stderr,
               "%s\nusage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
               "Try `python -h' for more information.\n",
               message.c_str(), program);
  std::exit(2);
}

std::string read_all(std::istream& in) {
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string absolute_dir(const std::string& script) {
  std::size_t slash = script.rfind('/');
  std::string dir = slash == std::string::npos ? "." : (slash == 0 ? "/" : script.substr(0, slash));
  char resolved[PATH_MAX];
  if (realpath(dir.c_str(), resolved)) return resolved;
  return dir;
}

} // namespace

int main(int argc, char** argv) {
  const char* program = argv[0];
  interp::Options options;
  std::string command, module, script;
  bool have_command = false, have_module = false, read_stdin = false;
  int i = 1;
  for (; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--") {
      ++i;
      break;
    }
    if (a == "-") {
      read_stdin = true;
      ++i;
      break;
    }
    if (a.size() < 2 || a[0] != '-') break;
    if (a == "--version") {
      std::printf("Python 3.11.2\n");
      return 0;
    }
    if (a == "--help") {
      std::printf("usage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n", program);
      return 0;
    }
    if (a.rfind("--", 0) == 0) usage_error(program, "unknown option " + a);
    // Single-letter options, possibly grouped (-uE); -c, -m, -X take a value.
    bool done = false;
    for (std::size_t k = 1; k < a.size() && !done; ++k) {
      char c = a[k];
      switch (c) {
      case 'c':
      case 'm':
      case 'X':
      case 'W': {
        std::string value = a.substr(k + 1);
        if (value.empty()) {
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
        }
        done = true;
        break;
      }
      case 'V':
        std::printf("Python 3.11.2\n");
        return 0;
      case 'h':
      case '?':
        std::printf("usage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n", program);
        return 0;
      case 'u':
        options.unbuffered = true;
        break;
      case 'E':
        options.ignore_environment = true;
        break;
      case 'I':
        options.ignore_environment = true;
        break;
      case 'i':
      case 'O':
      case 'B':
      case 'b':
      case 'd':
      case 'q':
      case 's':
      case 'S':
      case 'v':
      case 'R':
        break;
      default:
        usage_error(program, std::string("unknown option -") + c);
      }
    }
    if (have_command || have_module) {
      ++i;
      break;
    }
  }
  std::string source, filename;
  if (have_command) {
    options.argv.push_back("-c");
    options.path_prefix.push_back("");
    source = command;
    filename = "<string>";
  } else if (have_module) {
    options.argv.push_back(module);
    char cwd[PATH_MAX];
    options.path_prefix.push_back(getcwd(cwd, sizeof cwd) ? cwd : ".");
  } else if (!read_stdin && i < argc) {
    script = argv[i++];
    options.argv.push_back(script);
    options.path_prefix.push_back(absolute_dir(script));
    std::ifstream in(script, std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", program, script.c_str(),
                   errno, std::strerror(errno));
      return 2;
    }
    source = read_all(in);
    filename = script;
  } else {
    options.argv.push_back(read_stdin ? "-" : "");
    options.path_prefix.push_back("");
    source = read_all(std::cin);
    filename = "<stdin>";
  }
  for (; i < argc; ++i)
    options.argv.push_back(argv[i]);
  pypystm::threading::install(options);
  interp::start(options);
  int status =
      have_module ? interp::run_main_module(module) : interp::run_main_source(source, filename);
  std::fflush(stdout);
  std::_Exit(status);
}
