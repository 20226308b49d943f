// Every .py file of python3.11's standard library (/usr/lib/python3.11) must parse to
// exactly the tree python3.11 builds: ast.dump(..., include_attributes=True) compared
// line for line. python3.11 runs at test time (stdlib_dump.py) while we parse.
#define BOOST_TEST_MODULE parse_stdlib
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <unistd.h>

#include "interp/parse/ast_dump.h"
#include "interp/parse/parser.h"

namespace fs = std::filesystem;

namespace {

constexpr const char* kStdlib = "/usr/lib/python3.11";
constexpr const char* kPython = "/usr/bin/python3.11";

std::vector<std::string> stdlib_files() {
  std::vector<std::string> files;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(kStdlib, ec); it != fs::end(it);
       it.increment(ec)) {
    if (ec) break;
    if (it->is_regular_file(ec) && it->path().extension() == ".py")
      files.push_back(it->path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

} // namespace

BOOST_AUTO_TEST_CASE(stdlib_trees_match_python) {
  if (access(kPython, X_OK) != 0 || !fs::exists(kStdlib)) {
    BOOST_TEST_MESSAGE("python3.11 or its library is missing; nothing to compare");
    return;
  }
  std::vector<std::string> files = stdlib_files();
  BOOST_REQUIRE_GT(files.size(), 100u);

  char list_path[] = "/tmp/parse_stdlib_XXXXXX";
  int fd = mkstemp(list_path);
  BOOST_REQUIRE(fd >= 0);
  {
    std::ofstream list(list_path);
    for (const auto& f : files)
      list << f << "\n";
  }
  close(fd);
  std::string command =
      std::string(kPython) + " " + PARSE_TEST_DATA_DIR + "/stdlib_dump.py < " + list_path;
  FILE* python = popen(command.c_str(), "r");
  BOOST_REQUIRE(python);

  // Our dumps, made on two threads while python3.11 works.
  std::vector<std::string> ours(files.size());
  std::vector<std::thread> workers;
  unsigned n_threads = 2;
  for (unsigned t = 0; t < n_threads; t++)
    workers.emplace_back([&, t] {
      for (size_t i = t; i < files.size(); i += n_threads) {
        auto r = interp::parse::parse(read_file(files[i]), files[i], interp::ast::Mode::Exec);
        ours[i] = r.module ? interp::parse::ast_dump(*r.module, true)
                           : "ERROR " + r.error->msg + " line " + std::to_string(r.error->lineno);
      }
    });
  for (auto& w : workers)
    w.join();

  std::vector<std::string> theirs;
  std::string line;
  std::vector<char> buf(1 << 16);
  std::string pending;
  while (fgets(buf.data(), static_cast<int>(buf.size()), python)) {
    pending += buf.data();
    if (!pending.empty() && pending.back() == '\n') {
      pending.pop_back();
      theirs.push_back(std::move(pending));
      pending.clear();
    }
  }
  int status = pclose(python);
  unlink(list_path);
  BOOST_REQUIRE_EQUAL(status, 0);
  BOOST_REQUIRE_EQUAL(theirs.size(), files.size());

  size_t compared = 0, mismatches = 0;
  for (size_t i = 0; i < files.size(); i++) {
    if (theirs[i] == "SKIP") continue;
    compared++;
    if (ours[i] == theirs[i]) continue;
    mismatches++;
    if (mismatches <= 10) {
      size_t k = 0;
      while (k < ours[i].size() && k < theirs[i].size() && ours[i][k] == theirs[i][k])
        k++;
      size_t from = k > 200 ? k - 200 : 0;
      BOOST_ERROR(files[i] << "\n ours:   ..." << ours[i].substr(from, 400) << "\n python: ..."
                           << theirs[i].substr(from, 400));
    }
  }
  BOOST_TEST_MESSAGE("compared " << compared << " of " << files.size() << " files");
  BOOST_CHECK_GT(compared, 100u);
  BOOST_CHECK_EQUAL(mismatches, 0u);
}
