// Fuzzing: mutated standard-library sources (byte flips, truncations, inserted brackets,
// quotes, indentation, deep nesting) must each give a tree or a SyntaxErrorInfo, never a
// crash or a hang. The inputs run in a child process watched by this one, so a crash or
// an input that takes too long is reported with the input itself.
// PYPYSTM_FUZZ_SECONDS (default 20) bounds the run; PYPYSTM_FUZZ_SEED picks the inputs.
#define BOOST_TEST_MODULE parse_fuzz
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <signal.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "interp/parse/ast_dump.h"
#include "interp/parse/parser.h"

namespace fs = std::filesystem;

namespace {

constexpr size_t kMaxInput = 1 << 20;
constexpr double kPerInputLimitSeconds = 5.0;

struct Shared {
  std::atomic<unsigned long long> started{0};
  std::atomic<unsigned long long> finished{0};
  std::atomic<int> bad_result{0};
  size_t length = 0;
  char input[kMaxInput];
};

std::vector<std::string> corpus() {
  std::vector<std::string> files;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator("/usr/lib/python3.11", ec); it != fs::end(it);
       it.increment(ec)) {
    if (ec) break;
    if (it->is_regular_file(ec) && it->path().extension() == ".py") files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  std::vector<std::string> texts;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string s = ss.str();
    if (s.size() > 12000) s.resize(12000); // keeps every input quick
    texts.push_back(std::move(s));
  }
  // A fallback corpus where no library is installed.
  texts.push_back("def f(a, *b, c=1, **d):\n    return [x for x in a if x] + f'{b!r:>{c}}'\n");
  texts.push_back(
      "match p:\n    case [1, *r] | {'k': v}:\n        pass\nclass A(B):\n  x: int = 1\n");
  return texts;
}

void mutate(std::string& s, std::mt19937_64& rng) {
  static const char* const pieces[] = {"(",        ")",        "[",     "]",      "{",
                                       "}",        "'",        "\"",    "'''",    "\"\"\"",
                                       "\\",       "\n",       "\t",    "    ",   ":",
                                       ",",        "=",        "f'{",   "}",      "lambda",
                                       "*",        "**",       "#",     "\r",     "\xff",
                                       "\xc3\xa9", "match ",   "case ", "async ", "await ",
                                       "yield ",   ":=",       "->",    "@",      "0x",
                                       "1_",       ".",        "...",   "if ",    "else",
                                       "not ",     "\\N{",     "rb'",   "\x0c",   "\xe2\x82\xac",
                                       "\xc2\xa0", "except* ", "del "};
  auto pick = [&](size_t n) { return n == 0 ? 0 : static_cast<size_t>(rng() % n); };
  int kind = static_cast<int>(rng() % 8);
  size_t at = pick(s.size() + 1);
  switch (kind) {
  case 0:
    if (!s.empty()) s[pick(s.size())] = static_cast<char>(rng() & 0xFF);
    break;
  case 1:
    if (!s.empty()) s.erase(at, 1 + pick(20));
    break;
  case 2:
  case 3:
    s.insert(at, pieces[pick(std::size(pieces))]);
    break;
  case 4:
    s.resize(at);
    break;
  case 5: { // duplicate a line somewhere else
    size_t b = s.rfind('\n', at == 0 ? 0 : at - 1);
    b = b == std::string::npos ? 0 : b + 1;
    size_t e = s.find('\n', at);
    if (e == std::string::npos) e = s.size();
    std::string line = s.substr(b, e - b) + "\n";
    s.insert(pick(s.size() + 1), line);
    break;
  }
  case 6: // indentation noise
    s.insert(at, std::string(1 + pick(9), rng() % 2 ? ' ' : '\t'));
    break;
  case 7: // deep nesting
    if (rng() % 4 == 0) {
      static const char* const deep[] = {"(", "[", "-", "not ", "lambda:", "{", "f(", "~"};
      std::string d;
      size_t count = 1 + pick(rng() % 2 ? 300 : 20000);
      const char* unit = deep[pick(std::size(deep))];
      for (size_t i = 0; i < count; i++)
        d += unit;
      s.insert(at, d);
    }
    break;
  }
  if (s.size() > kMaxInput) s.resize(kMaxInput);
}

bool result_is_sound(const interp::parse::ParseResult& r) {
  if (r.module && r.error) return false;
  if (!r.module && !r.error) return false;
  if (r.error && r.error->msg.empty() &&
      r.error->kind != interp::parse::SyntaxErrorInfo::Kind::MemoryError)
    return false;
  return true;
}

[[noreturn]] void run_child(Shared* shared, unsigned long long seed, double seconds) {
  std::vector<std::string> texts = corpus();
  std::mt19937_64 rng(seed);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (std::chrono::steady_clock::now() < deadline) {
    std::string input = texts[rng() % texts.size()];
    int rounds = 1 + static_cast<int>(rng() % 4);
    for (int i = 0; i < rounds; i++)
      mutate(input, rng);
    shared->length = input.size();
    std::memcpy(shared->input, input.data(), input.size());
    shared->started++;
    interp::ast::Mode mode = rng() % 8 == 0   ? interp::ast::Mode::Eval
                             : rng() % 8 == 0 ? interp::ast::Mode::Single
                                              : interp::ast::Mode::Exec;
    auto r = interp::parse::parse(input, "<fuzz>", mode);
    if (!result_is_sound(r)) {
      shared->bad_result = 1;
      _exit(3);
    }
    if (r.module && rng() % 16 == 0) (void)interp::parse::ast_dump(*r.module, true);
    shared->finished++;
  }
  _exit(0);
}

} // namespace

BOOST_AUTO_TEST_CASE(mutated_sources_never_crash_or_hang) {
  double seconds = 20;
  if (const char* s = std::getenv("PYPYSTM_FUZZ_SECONDS")) seconds = std::atof(s);
  unsigned long long seed = std::random_device{}();
  if (const char* s = std::getenv("PYPYSTM_FUZZ_SEED")) seed = std::strtoull(s, nullptr, 10);
  BOOST_TEST_MESSAGE("PYPYSTM_FUZZ_SEED=" << seed << " for " << seconds << " s");

  void* mem =
      mmap(nullptr, sizeof(Shared), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  BOOST_REQUIRE(mem != MAP_FAILED);
  auto* shared = new (mem) Shared();
  pid_t child = fork();
  BOOST_REQUIRE(child >= 0);
  if (child == 0) run_child(shared, seed, seconds);

  auto save_input = [&](const char* why) {
    std::string path = "/tmp/parse_fuzz_failure.py";
    std::ofstream out(path, std::ios::binary);
    out.write(shared->input, static_cast<std::streamsize>(shared->length));
    BOOST_ERROR(why << " (seed " << seed << "); input saved to " << path);
  };
  unsigned long long last_started = 0;
  auto last_progress = std::chrono::steady_clock::now();
  for (;;) {
    int status = 0;
    pid_t done = waitpid(child, &status, WNOHANG);
    if (done == child) {
      if (WIFSIGNALED(status))
        save_input(("the parser crashed with signal " + std::to_string(WTERMSIG(status))).c_str());
      else if (WEXITSTATUS(status) != 0)
        save_input("the parser returned neither a tree nor an error");
      break;
    }
    unsigned long long started = shared->started.load();
    bool busy = shared->finished.load() < started;
    auto now = std::chrono::steady_clock::now();
    if (started != last_started || !busy) {
      last_started = started;
      last_progress = now;
    } else if (std::chrono::duration<double>(now - last_progress).count() > kPerInputLimitSeconds) {
      kill(child, SIGKILL);
      waitpid(child, &status, 0);
      save_input("an input took longer than the per-input limit");
      break;
    }
    usleep(20000);
  }
  BOOST_TEST_MESSAGE("inputs parsed: " << shared->finished.load());
  BOOST_CHECK_GT(shared->finished.load(), 0u);
  munmap(mem, sizeof(Shared));
}
