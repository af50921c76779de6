// libFuzzer target: segmentation of arbitrary (lenient-decoded) text in
// German and English; checks the span invariants.

#include <cstddef>
#include <cstdint>

#include "claimdiff/ingest.h"
#include "claimdiff/pipeline.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static claimdiff::Pipeline* pipeline = [] {
    claimdiff::PipelineOptions options;
    options.lexicon_dir = CLAIMDIFF_LEXICON_DIR;
    return new claimdiff::Pipeline(options);
  }();
  if (size == 0) return 0;
  claimdiff::IngestOptions options;
  options.lenient = true;
  options.lang = (data[0] & 1) ? "de" : "en";
  auto doc = claimdiff::MakeDocument(
      "fuzz", absl::string_view(reinterpret_cast<const char*>(data) + 1, size - 1), claimdiff::InputFormat::kText,
      options);
  if (!doc.ok()) return 0;
  auto seg = pipeline->Segment(*doc);
  if (!seg.ok()) return 0;
  size_t last_end = 0;
  for (const claimdiff::Sentence& s : seg->sentences) {
    if (s.span.start >= s.span.end || s.span.end > doc->text.size() || s.span.start < last_end) __builtin_trap();
    last_end = s.span.end;
  }
  return 0;
}
