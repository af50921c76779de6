// claimdiff extract FILE...: one JSON line per document (or cluster) with
// sentences, time expressions and statements. Runs on the batch driver
// (cli/batch.h): one record per document or JSON Lines line, --jobs threads,
// a bad record answered in-band.
//
// The lines are written straight into one string per record (JsonWriter,
// extract_json.h) rather than through a JSON DOM, whose building and
// dumping cost about as much as the extraction itself.

#include <memory>

#include "absl/strings/str_cat.h"
#include "claimdiff/pipeline.h"
#include "cli/batch.h"
#include "cli/cli_common.h"
#include "core_json_writer.h"
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
    const Pipeline* pipeline = MakeProcessPipeline(pipeline_options);
    BatchOptions batch;
    batch.jobs = options->jobs;
    return RunBatchCommand(*options, batch, [pipeline](Cluster cluster) -> absl::StatusOr<std::string> {
      // A cluster line {"id","docs":[...]}; any other record holds one
      // document, which is the line itself.
      std::string line;
      JsonWriter w(&line);
      if (cluster.is_cluster) {
        w.BeginObject();
        w.Key("id");
        w.String(cluster.id);
        w.Key("docs");
        w.BeginArray();
      }
      for (Document& doc : cluster.docs) {
        std::string path = doc.path;
        auto analyzed = pipeline->Analyze(std::move(doc));
        if (!analyzed.ok()) {
          return absl::Status(analyzed.status().code(), absl::StrCat(path, ": ", analyzed.status().message()));
        }
        WriteAnalyzedDocumentJson(&w, *analyzed);
      }
      if (cluster.is_cluster) {
        w.EndArray();
        w.EndObject();
      }
      return line;
    });
  };
  return command;
}

}  // namespace claimdiff::cli
