#include "testing/run_cli.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace claimdiff::testing {

CliRun RunClaimdiff(const std::string& args, const std::string& env, const std::string& stdin_path) {
  namespace fs = std::filesystem;
  static int counter = 0;
  fs::path err_file = fs::temp_directory_path() /
                      ("claimdiff-cli-err-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::string cmd = env + " '" + CLAIMDIFF_CLI_PATH + "' " + args;
  if (!stdin_path.empty()) cmd += " < '" + stdin_path + "'";
  cmd += " 2>'" + err_file.string() + "'";
  CliRun run;
  std::FILE* p = ::popen(cmd.c_str(), "r");
  if (p == nullptr) return run;
  char buf[65536];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) run.out.append(buf, n);
  int raw = ::pclose(p);
  run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  std::ifstream in(err_file);
  std::stringstream ss;
  ss << in.rdbuf();
  run.err = ss.str();
  fs::remove(err_file);
  return run;
}

}  // namespace claimdiff::testing
