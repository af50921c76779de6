// Helpers shared by the ingest tests: temporary files and running the CLI.
// (Header only: tests/ingest*_test.cc are the test binary's sources.)

#ifndef CLAIMDIFF_TESTS_INGEST_TESTING_H_
#define CLAIMDIFF_TESTS_INGEST_TESTING_H_

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace claimdiff::testing {

// A file in a fresh temporary folder, removed with the folder.
class TempDir {
 public:
  TempDir() {
    static int counter = 0;
    path_ = std::filesystem::temp_directory_path() /
            ("claimdiff_ingest_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  // Writes `bytes` to `name` in the folder and returns its path.
  std::string Write(const std::string& name, const std::string& bytes) const {
    std::string p = (path_ / name).string();
    std::ofstream out(p, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return p;
  }
  std::string Path(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

inline std::string ReadFileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::string FixturePath(const std::string& name) {
  return std::string(CLAIMDIFF_FIXTURES_DIR) + "/ingest/" + name;
}

// Single-quotes `s` for /bin/sh.
inline std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  return out + "'";
}

struct CliResult {
  int status = -1;     // Exit status.
  std::string output;  // Standard output.
  std::string errors;  // Standard error.
};

// Runs `claimdiff ARGS` (ARGS already quoted) with standard input from
// `stdin_path` ("" = /dev/null).
inline CliResult RunCli(const std::string& args, const std::string& stdin_path = "") {
  TempDir dir;
  const std::string err_path = dir.Path("stderr");
  std::string cmd = ShellQuote(CLAIMDIFF_CLI_PATH) + " " + args + " <" +
                    ShellQuote(stdin_path.empty() ? "/dev/null" : stdin_path) + " 2>" + ShellQuote(err_path);
  CliResult result;
  std::FILE* pipe = ::popen(cmd.c_str(), "r");
  if (pipe == nullptr) return result;
  char buffer[4096];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof(buffer), pipe)) > 0) result.output.append(buffer, n);
  int raw = ::pclose(pipe);
  result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  result.errors = ReadFileBytes(err_path);
  return result;
}

}  // namespace claimdiff::testing

#endif  // CLAIMDIFF_TESTS_INGEST_TESTING_H_
