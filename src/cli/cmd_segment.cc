// claimdiff segment FILE...: one JSON line per document (or cluster) with
// sentence and furniture spans.
//
// The lines are written straight into one string per record rather than
// through a JSON DOM: segmenting is fast enough that building and dumping a
// DOM of every span would cost as much as the segmenting itself. The
// helpers of core_json_writer.h write what nlohmann-json's dump() would.

#include <charconv>
#include <limits>
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "claimdiff/pipeline.h"
#include "cli/batch.h"
#include "cli/cli_common.h"
#include "core_json_writer.h"

namespace claimdiff::cli {

namespace {

// Appends [[start,end],...]; std::to_chars, as the lines hold little else.
template <typename T>
void AppendSpans(std::string* out, const std::vector<T>& items) {
  out->push_back('[');
  constexpr int kDigits = std::numeric_limits<size_t>::digits10 + 1;
  for (size_t i = 0; i < items.size(); ++i) {
    char buffer[2 * kDigits + 4];  // ,[start,end]
    char* p = buffer;
    if (i > 0) *p++ = ',';
    *p++ = '[';
    p = std::to_chars(p, p + kDigits, items[i].span.start).ptr;
    *p++ = ',';
    p = std::to_chars(p, p + kDigits, items[i].span.end).ptr;
    *p++ = ']';
    out->append(buffer, p);
  }
  out->push_back(']');
}

// {"id","sentences","furniture","furniture_reasons","headlines","lang",
//  "lang_confidence"?,"dct"?}
void AppendDocJson(std::string* out, const Document& doc, const Segmentation& seg) {
  out->append("{\"id\":");
  AppendJsonString(out, doc.id);
  out->append(",\"sentences\":");
  AppendSpans(out, seg.sentences);
  out->append(",\"furniture\":");
  AppendSpans(out, seg.furniture);
  out->append(",\"furniture_reasons\":[");
  for (size_t i = 0; i < seg.furniture.size(); ++i) {
    if (i > 0) out->push_back(',');
    AppendJsonString(out, seg.furniture[i].reason);
  }
  out->append("],\"headlines\":[");
  bool first = true;
  for (size_t i = 0; i < seg.sentences.size(); ++i) {
    if (!seg.sentences[i].headline) continue;
    if (!first) out->push_back(',');
    AppendJsonInt(out, i);
    first = false;
  }
  out->append("],\"lang\":");
  AppendJsonString(out, doc.lang);
  if (doc.lang_detected) {
    out->append(",\"lang_confidence\":");
    AppendJsonDouble(out, doc.lang_confidence);
  }
  if (doc.published) {
    out->append(",\"dct\":");
    AppendJsonDate(out, *doc.published);
  }
  out->push_back('}');
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
    const Pipeline* pipeline = MakeProcessPipeline(pipeline_options);
    BatchOptions batch;
    batch.jobs = options->jobs;
    return RunBatchCommand(*options, batch, [pipeline](Cluster cluster) -> absl::StatusOr<std::string> {
      // A cluster line {"id","docs":[...]}; any other record holds one
      // document, which is the line itself.
      std::string line;
      if (cluster.is_cluster) {
        line.append("{\"id\":");
        AppendJsonString(&line, cluster.id);
        line.append(",\"docs\":[");
      }
      for (const Document& doc : cluster.docs) {
        auto seg = pipeline->Segment(doc);
        if (!seg.ok()) {
          return absl::Status(seg.status().code(), absl::StrCat(doc.path, ": ", seg.status().message()));
        }
        if (&doc != &cluster.docs.front()) line.push_back(',');
        AppendDocJson(&line, doc, *seg);
      }
      if (cluster.is_cluster) line.append("]}");
      return line;
    });
  };
  return command;
}

}  // namespace claimdiff::cli
