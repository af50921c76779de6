// claimdiff segment FILE...: one JSON line per document (or cluster) with
// sentence and furniture spans.

#include <memory>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "claimdiff/pipeline.h"
#include "cli/batch.h"
#include "cli/cli_common.h"
#include "nlohmann/json.hpp"

namespace claimdiff::cli {

namespace {

nlohmann::ordered_json SpansJson(const std::vector<Sentence>& sentences) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const Sentence& s : sentences) out.push_back({s.span.start, s.span.end});
  return out;
}

nlohmann::ordered_json FurnitureJson(const std::vector<Furniture>& furniture) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const Furniture& f : furniture) out.push_back({f.span.start, f.span.end});
  return out;
}

nlohmann::ordered_json DocJson(const Document& doc, const Segmentation& seg) {
  nlohmann::ordered_json j;
  j["id"] = doc.id;
  j["sentences"] = SpansJson(seg.sentences);
  j["furniture"] = FurnitureJson(seg.furniture);
  nlohmann::ordered_json reasons = nlohmann::ordered_json::array();
  for (const Furniture& f : seg.furniture) reasons.push_back(f.reason);
  j["furniture_reasons"] = reasons;
  nlohmann::ordered_json headlines = nlohmann::ordered_json::array();
  for (size_t i = 0; i < seg.sentences.size(); ++i) {
    if (seg.sentences[i].headline) headlines.push_back(i);
  }
  j["headlines"] = headlines;
  j["lang"] = doc.lang;
  if (doc.lang_detected) j["lang_confidence"] = doc.lang_confidence;
  if (doc.published) j["dct"] = absl::FormatCivilTime(*doc.published);
  return j;
}

}  // namespace

Command AddSegmentCommand(CLI::App* app) {
  auto options = std::make_shared<CommonOptions>();  // Owned by the run function below.
  Command command;
  command.app = app->add_subcommand("segment", "Split documents into sentences and page furniture");
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
      for (const Document& doc : cluster.docs) {
        auto seg = pipeline->Segment(doc);
        if (!seg.ok()) {
          return absl::Status(seg.status().code(), absl::StrCat(doc.path, ": ", seg.status().message()));
        }
        if (cluster.is_cluster) {
          line["docs"].push_back(DocJson(doc, *seg));
        } else {
          line = DocJson(doc, *seg);
        }
      }
      return line.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    });
  };
  return command;
}

}  // namespace claimdiff::cli
