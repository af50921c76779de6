// libFuzzer target: the whole pipeline (ingest, segment, extract, align,
// compare, all report formats) on two documents cut from the input.

#include <cstddef>
#include <cstdint>

#include "claimdiff/ingest.h"
#include "claimdiff/pipeline.h"
#include "claimdiff/report.h"

namespace {
claimdiff::Pipeline* pipeline = nullptr;
}  // namespace

// Loads the language data before fuzzing: the first load of the lexicons
// (seconds under ASan) must not count against the first input's -timeout.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  claimdiff::PipelineOptions options;
  options.lexicon_dir = CLAIMDIFF_LEXICON_DIR;
  pipeline = new claimdiff::Pipeline(options);
  for (const char* lang : {"de", "en"}) {
    claimdiff::IngestOptions ingest;
    ingest.lang = lang;
    claimdiff::Cluster warm;
    for (int i = 0; i < 2; ++i) {
      auto doc = claimdiff::MakeDocument("warm", "Am 5. April 2019 sagte er, 10 Menschen seien in Berlin gewesen.",
                                         claimdiff::InputFormat::kText, ingest);
      if (doc.ok()) warm.docs.push_back(*std::move(doc));
    }
    (void)pipeline->Run(std::move(warm));
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2 || size > 8192) return 0;
  absl::string_view all(reinterpret_cast<const char*>(data) + 1, size - 1);
  size_t cut = all.find('\x01');
  if (cut == absl::string_view::npos) cut = all.size() / 2;
  claimdiff::IngestOptions options;
  options.lenient = true;
  options.lang = (data[0] & 1) ? "de" : "en";
  if (data[0] & 2) options.date = absl::CivilDay(2019, 4, 18);
  claimdiff::Cluster cluster;
  cluster.id = "fuzz";
  for (absl::string_view part : {all.substr(0, cut), all.substr(std::min(cut + 1, all.size()))}) {
    auto doc = claimdiff::MakeDocument("fuzz", part, claimdiff::InputFormat::kText, options);
    if (!doc.ok()) return 0;
    cluster.docs.push_back(*std::move(doc));
  }
  auto result = pipeline->Run(std::move(cluster));
  if (!result.ok()) return 0;
  claimdiff::ReportInput input;
  input.id = result->id;
  input.docs = result->docs;
  input.alignment = &result->alignment;
  input.comparison = &result->comparison;
  for (auto format : {claimdiff::ReportFormat::kText, claimdiff::ReportFormat::kJson, claimdiff::ReportFormat::kHtml}) {
    claimdiff::ReportOptions ro;
    ro.format = format;
    (void)claimdiff::RenderReport(input, ro);
  }
  return 0;
}
