// claimdiff extract FILE...: one JSON line per document (or cluster) with
// sentences, time expressions and statements. Runs on the batch driver
// (cli/batch.h): one record per document or JSON Lines line, --jobs threads,
// a bad record answered in-band.

#include <memory>

#include "absl/strings/str_cat.h"
#include "claimdiff/pipeline.h"
#include "cli/batch.h"
#include "cli/cli_common.h"
#include "extract_json.h"

namespace claimdiff::cli {

Command AddExtractCommand(CLI::App* app) {
  auto options = std::make_shared<CommonOptions>();  // Owned by the run function below.
  Command command;
  command.app = app->add_subcommand("extract", "Extract statements: times, places, people, numbers, certainty");
  AddCommonOptions(command.app, options.get());
  command.run = [options]() -> int {
    PipelineOptions pipeline_options;
    pipeline_options.lexicon_dir = options->lexicon_dir;
    auto pipeline = std::make_shared<Pipeline>(pipeline_options);
    BatchOptions batch;
    batch.jobs = options->jobs;
    return RunBatchCommand(*options, batch, [pipeline](Cluster cluster) -> absl::StatusOr<std::string> {
      nlohmann::ordered_json line;
      if (cluster.is_cluster) {
        line["id"] = cluster.id;
        line["docs"] = nlohmann::ordered_json::array();
      }
      for (Document& doc : cluster.docs) {
        std::string path = doc.path;
        auto analyzed = pipeline->Analyze(std::move(doc));
        if (!analyzed.ok()) {
          return absl::Status(analyzed.status().code(), absl::StrCat(path, ": ", analyzed.status().message()));
        }
        if (cluster.is_cluster) {
          line["docs"].push_back(AnalyzedDocumentJson(*analyzed));
        } else {
          line = AnalyzedDocumentJson(*analyzed);
        }
      }
      return line.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    });
  };
  return command;
}

}  // namespace claimdiff::cli
