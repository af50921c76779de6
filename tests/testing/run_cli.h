// Runs the built claimdiff binary (CLAIMDIFF_CLI_PATH) for CLI-level tests.

#ifndef CLAIMDIFF_TESTS_TESTING_RUN_CLI_H_
#define CLAIMDIFF_TESTS_TESTING_RUN_CLI_H_

#include <string>

namespace claimdiff::testing {

struct CliRun {
  int status = -1;   // Exit status, or -1 when the process did not exit normally.
  std::string out;   // Standard output.
  std::string err;   // Standard error.
};

// Runs `claimdiff ARGS` through the shell. `args` is already shell-quoted;
// `env` holds optional "NAME=value" assignments; `stdin_path`, when not
// empty, is fed to standard input.
CliRun RunClaimdiff(const std::string& args, const std::string& env = "", const std::string& stdin_path = "");

}  // namespace claimdiff::testing

#endif  // CLAIMDIFF_TESTS_TESTING_RUN_CLI_H_
