// The record driver every subcommand runs on: reads records (JSON Lines
// lines, or whole files), processes them on --jobs threads and writes exactly
// one output line per record, in input order, byte-identical for any number
// of jobs. A bad record yields an error object on its line and the stream
// goes on. Memory stays bounded: records are read in windows.

#ifndef CLAIMDIFF_SRC_CLI_BATCH_H_
#define CLAIMDIFF_SRC_CLI_BATCH_H_

#include <functional>
#include <string>

#include "absl/status/statusor.h"
#include "claimdiff/ingest.h"
#include "cli/cli_common.h"

namespace claimdiff::cli {

// Turns one record into its output (one line of JSON, without the newline,
// or for non-JSON formats any text). Must be thread-safe.
using RecordFn = std::function<absl::StatusOr<std::string>(Cluster cluster)>;

struct BatchOptions {
  int jobs = 1;
  // Records per window. Up to two windows are in flight: read while the
  // workers process, written in input order as soon as each is done.
  size_t window = 512;
  // Bytes of input per window, about (the reader waits past twice this).
  size_t window_bytes = size_t{32} << 20;
  // When the inputs are plain documents (not JSON Lines), treat all of them
  // as one cluster (compare, align) instead of one record each (segment,
  // extract).
  bool files_form_one_cluster = false;
  // Show progress on standard error when it is a terminal.
  bool progress = true;
  // Written between two non-empty outputs (e.g. a blank line between text
  // reports). A record whose output is empty writes nothing at all.
  std::string separator;
};

struct BatchStats {
  size_t records = 0;
  size_t failed = 0;
};

// Runs `fn` over every record of `options.inputs` and writes the results to
// `sink`, one per line. Errors of a whole input (missing file, unreadable
// document) are returned; errors of one JSON Lines record become
// {"id": ..., "error": {"message": ..., "where": "file:line"}} lines.
absl::StatusOr<BatchStats> RunBatch(const CommonOptions& options, const BatchOptions& batch,
                                    const RecordFn& fn, OutputSink* sink);

// Standard handling for a subcommand: opens -o, runs the batch, commits,
// and returns the exit status (2 on trouble or when a record failed).
int RunBatchCommand(const CommonOptions& options, const BatchOptions& batch, const RecordFn& fn);

}  // namespace claimdiff::cli

#endif  // CLAIMDIFF_SRC_CLI_BATCH_H_
