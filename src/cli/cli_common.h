// Shared plumbing of the claimdiff subcommands: input options, reading
// inputs, atomic output, error reporting and exit codes.

#ifndef CLAIMDIFF_SRC_CLI_CLI_COMMON_H_
#define CLAIMDIFF_SRC_CLI_CLI_COMMON_H_

#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "CLI/CLI.hpp"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "claimdiff/ingest.h"
#include "claimdiff/pipeline.h"

namespace claimdiff::cli {

// Exit statuses, as diff(1) and linters: 0 nothing at or above the failure
// level, 1 findings at or above it, 2 trouble (bad input, usage).
inline constexpr int kExitOk = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitTrouble = 2;

struct CommonOptions {
  std::vector<std::string> inputs;  // Files; "-" = standard input.
  std::string output = "-";         // -o FILE; "-" = standard output.
  std::string lang;                 // --lang
  std::string date;                 // --date YYYY-MM-DD
  std::string source;               // --source NAME
  std::string encoding;             // --encoding NAME
  std::string input_format;         // --input-format text|markdown|html|jsonl
  bool jsonl = false;               // --jsonl (standard input is JSON Lines)
  bool lenient = false;             // --lenient
  std::string lexicon_dir;          // --lexicon-dir
  int jobs = 1;                     // --jobs N
  size_t max_bytes = size_t{64} << 20;  // --max-bytes: largest document accepted
};

// Adds the input options shared by every subcommand to `cmd`.
void AddCommonOptions(CLI::App* cmd, CommonOptions* options, bool inputs_required = true);

// Turns the flags into IngestOptions; InvalidArgument on a bad --date.
absl::StatusOr<IngestOptions> MakeIngestOptions(const CommonOptions& options);

// Reads every input into clusters, in order.
absl::StatusOr<std::vector<Cluster>> ReadAllInputs(const CommonOptions& options);

// Output that replaces its target only when complete: writes to a temporary
// file beside it and renames on Commit(). Standard output when path is "-".
// A target that exists and is not a regular file (/dev/null, a FIFO, a
// symbolic link) is written through in place. Destroying an uncommitted
// sink removes the temporary file; what was written to standard output or
// in place stays written.
//
// Writes are gathered into blocks of 64 KiB (one write(2) each, where
// stdio's 4 KiB buffer would make sixteen), except on a terminal, where
// each Write shows at once.
class OutputSink {
 public:
  OutputSink() = default;
  ~OutputSink();
  OutputSink(const OutputSink&) = delete;
  OutputSink& operator=(const OutputSink&) = delete;

  absl::Status Open(const std::string& path);
  absl::Status Write(absl::string_view data);
  absl::Status Commit();
  bool is_terminal() const { return terminal_; }

 private:
  // Writes out `buffer_`.
  absl::Status Flush();

  std::string path_;
  std::string temp_path_;
  std::FILE* file_ = nullptr;
  bool to_stdout_ = false;
  bool terminal_ = false;  // Standard output, and a terminal.
  std::string buffer_;
};

// A pipeline that lives until the process ends and is never destroyed (a
// static keeps it reachable, so leak checkers stay quiet). A command runs
// once per process, and freeing the matchers and gazetteer indexes at exit
// would cost 15 to 20 ms per language on every run, a tenth of the start-up.
const Pipeline* MakeProcessPipeline(PipelineOptions options);

// Prints "claimdiff: <message>" to standard error and returns kExitTrouble.
int Fail(const absl::Status& status);

// Prints "claimdiff: warning: <message>" to standard error.
void Warn(absl::string_view message);

// A subcommand: registers its options on `app` and returns the function that
// runs it once the command line is parsed.
using CommandRunner = std::function<int()>;
struct Command {
  CLI::App* app = nullptr;
  CommandRunner run;
};

Command AddSegmentCommand(CLI::App* app);
Command AddExtractCommand(CLI::App* app);
Command AddAlignCommand(CLI::App* app);
Command AddCompareCommand(CLI::App* app);
Command AddCheckCommand(CLI::App* app);

}  // namespace claimdiff::cli

#endif  // CLAIMDIFF_SRC_CLI_CLI_COMMON_H_
