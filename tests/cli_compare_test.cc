// End-to-end tests of `claimdiff compare` through the built binary: formats,
// -o, colour, exit statuses and error messages.

#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "nlohmann/json.hpp"
#include "testing/run_cli.h"

namespace {

namespace fs = std::filesystem;

struct Run {
  int status = -1;
  std::string out;
  std::string err;
};

// Runs the claimdiff binary with `args` (already shell-quoted) and
// optional environment assignments.
Run Claimdiff(const std::string& args, const std::string& env = "") {
  ::claimdiff::testing::CliRun r = ::claimdiff::testing::RunClaimdiff(args, env);
  REQUIRE(r.status >= 0);  // The binary ran and exited.
  return Run{r.status, r.out, r.err};
}

const std::string kCase = std::string(CLAIMDIFF_FIXTURES_DIR) + "/report/en_two_quake/";
const std::string kTwoFiles = "'" + kCase + "a.txt' '" + kCase + "b.txt' --lang en";

TEST_CASE("compare writes a text report of two files", "[cli][compare]") {
  Run r = Claimdiff("compare " + kTwoFiles + " --width 80 --color never");
  INFO(r.err);
  REQUIRE(r.status <= 1);
  CHECK(r.out.find("claimdiff: ") == 0);
  CHECK(r.out.find("  A ") != std::string::npos);
  CHECK(r.out.find("  B ") != std::string::npos);
  CHECK(r.out.find('\x1b') == std::string::npos);
}

TEST_CASE("compare --color always colours, NO_COLOR and never do not", "[cli][compare]") {
  CHECK(Claimdiff("compare " + kTwoFiles + " --color always").out.find("\x1b[") != std::string::npos);
  CHECK(Claimdiff("compare " + kTwoFiles + " --color never").out.find('\x1b') == std::string::npos);
  CHECK(Claimdiff("compare " + kTwoFiles, "NO_COLOR=1").out.find('\x1b') == std::string::npos);
}

TEST_CASE("compare --format json writes one line in the documented schema", "[cli][compare]") {
  Run r = Claimdiff("compare " + kTwoFiles + " --format json");
  INFO(r.err);
  REQUIRE(r.status <= 1);
  REQUIRE(!r.out.empty());
  CHECK(r.out.find('\n') == r.out.size() - 1);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["schema"] == "claimdiff.compare/1");
  CHECK(j["documents"].size() == 2);
  CHECK(j["documents"][1]["lang"] == "en");

  // --fail-on any: exit 1 exactly when there are findings.
  Run fail = Claimdiff("compare " + kTwoFiles + " --format json --fail-on any");
  CHECK(fail.status == (j["findings"].empty() ? 0 : 1));
  Run never = Claimdiff("compare " + kTwoFiles + " --format json");
  CHECK(never.status == 0);
}

TEST_CASE("compare --format html -o writes one self-contained file", "[cli][compare]") {
  fs::path dir = fs::temp_directory_path() / ("claimdiff-cli-html-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  fs::path out = dir / "report.html";
  Run r = Claimdiff("compare " + kTwoFiles + " --format html -o '" + out.string() + "'");
  INFO(r.err);
  CHECK(r.status == 0);
  CHECK(r.out.empty());
  std::ifstream in(out);
  std::stringstream ss;
  ss << in.rdbuf();
  CHECK(ss.str().rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(ss.str().find("https://") == std::string::npos);
  // Nothing but the report is left in the folder (the write is atomic).
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
  fs::remove_all(dir);
}

TEST_CASE("compare gives one report per JSON Lines cluster", "[cli][compare]") {
  fs::path dir = fs::temp_directory_path() / ("claimdiff-cli-jsonl-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  fs::path input = dir / "clusters.jsonl";
  {
    auto read = [](const std::string& path) {
      std::ifstream in(path);
      std::stringstream ss;
      ss << in.rdbuf();
      return ss.str();
    };
    std::ofstream out(input);
    for (const char* id : {"first", "second"}) {
      nlohmann::json line = {{"id", id},
                             {"docs",
                              {{{"id", "a"}, {"lang", "en"}, {"dct", "2022-11-09"}, {"text", read(kCase + "a.txt")}},
                               {{"id", "b"}, {"lang", "en"}, {"dct", "2022-11-09"}, {"text", read(kCase + "b.txt")}}}}};
      out << line.dump() << "\n";
    }
  }
  Run json = Claimdiff("compare '" + input.string() + "' --format json");
  INFO(json.err);
  REQUIRE(json.status == 0);
  std::istringstream lines(json.out);
  std::string line;
  std::vector<std::string> ids;
  while (std::getline(lines, line)) ids.push_back(nlohmann::json::parse(line)["id"].get<std::string>());
  CHECK(ids == std::vector<std::string>{"first", "second"});

  Run html = Claimdiff("compare '" + input.string() + "' --format html");
  CHECK(html.status == 2);
  CHECK(html.err.find("--cluster") != std::string::npos);
  Run one = Claimdiff("compare '" + input.string() + "' --format html --cluster second");
  CHECK(one.status == 0);
  CHECK(one.out.find("<code>second</code>") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("compare reports trouble with exit status 2", "[cli][compare]") {
  struct Row {
    std::string args;
    std::string message;  // Part of the error message.
  };
  const Row rows[] = {
      {"compare '" + kCase + "a.txt' --lang en", "a.txt: compare needs at least two documents"},
      {"compare '" + kCase + "a.txt' /nonexistent/b.txt --lang en", "/nonexistent/b.txt"},
      {"compare " + kTwoFiles + " --format pdf", "--format"},
      {"compare " + kTwoFiles + " --fail-on nonsense", "--fail-on"},
      {"compare " + kTwoFiles + " -o /nonexistent/dir/out.txt", "/nonexistent/dir/out.txt"},
  };
  for (const Row& row : rows) {
    INFO(row.args);
    Run r = Claimdiff(row.args);
    INFO(r.err);
    CHECK(r.status == 2);
    CHECK(r.err.find(row.message) != std::string::npos);
  }
}

}  // namespace
