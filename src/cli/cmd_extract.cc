// claimdiff extract FILE...: one JSON line per document (or cluster) with
// sentences, time expressions and statements.

#include "absl/strings/str_cat.h"
#include "claimdiff/pipeline.h"
#include "cli/cli_common.h"
#include "extract_json.h"

namespace claimdiff::cli {

Command AddExtractCommand(CLI::App* app) {
  auto* options = new CommonOptions();  // Lives as long as the process.
  Command command;
  command.app = app->add_subcommand("extract", "Extract statements: times, places, people, numbers, certainty");
  AddCommonOptions(command.app, options);
  command.run = [options]() -> int {
    auto clusters = ReadAllInputs(*options);
    if (!clusters.ok()) return Fail(clusters.status());
    PipelineOptions pipeline_options;
    pipeline_options.lexicon_dir = options->lexicon_dir;
    Pipeline pipeline(pipeline_options);
    std::string out;
    for (Cluster& cluster : *clusters) {
      nlohmann::ordered_json line;
      if (cluster.is_cluster) {
        line["id"] = cluster.id;
        line["docs"] = nlohmann::ordered_json::array();
      }
      for (Document& doc : cluster.docs) {
        std::string path = doc.path;
        auto analyzed = pipeline.Analyze(std::move(doc));
        if (!analyzed.ok()) {
          return Fail(absl::Status(analyzed.status().code(),
                                   absl::StrCat(path, ": ", analyzed.status().message())));
        }
        if (cluster.is_cluster) {
          line["docs"].push_back(AnalyzedDocumentJson(*analyzed));
        } else {
          line = AnalyzedDocumentJson(*analyzed);
        }
      }
      absl::StrAppend(&out, line.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace), "\n");
    }
    OutputSink sink;
    if (auto s = sink.Open(options->output); !s.ok()) return Fail(s);
    if (auto s = sink.Write(out); !s.ok()) return Fail(s);
    if (auto s = sink.Commit(); !s.ok()) return Fail(s);
    return kExitOk;
  };
  return command;
}

}  // namespace claimdiff::cli
