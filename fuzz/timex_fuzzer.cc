// libFuzzer target: time-expression tagging (with and without a
// publication date) on arbitrary text, one sentence.

#include <cstddef>
#include <cstdint>

#include "claimdiff/pipeline.h"
#include "extract_timex.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static claimdiff::Pipeline* pipeline = [] {
    claimdiff::PipelineOptions options;
    options.lexicon_dir = CLAIMDIFF_LEXICON_DIR;
    return new claimdiff::Pipeline(options);
  }();
  static const claimdiff::TimexTagger* taggers[2] = {
      claimdiff::TimexTagger::Create(**pipeline->GetLexicon("de")).value().release(),
      claimdiff::TimexTagger::Create(**pipeline->GetLexicon("en")).value().release()};
  if (size < 2) return 0;
  claimdiff::IngestOptions options;
  options.lenient = true;
  options.lang = (data[0] & 1) ? "de" : "en";
  if (data[0] & 2) options.date = absl::CivilDay(2019, 1 + data[1] % 12, 1 + data[1] % 28);
  auto doc = claimdiff::MakeDocument(
      "fuzz", absl::string_view(reinterpret_cast<const char*>(data) + 2, size - 2), claimdiff::InputFormat::kText,
      options);
  if (!doc.ok()) return 0;
  claimdiff::Segmentation seg;
  seg.sentences.push_back({{0, doc->text.size()}, 0, false});
  auto timex = taggers[(data[0] & 1) ? 0 : 1]->Tag(*doc, seg);
  for (const claimdiff::Timex& t : timex) {
    if (t.span.start > t.span.end || t.span.end > doc->text.size()) __builtin_trap();
  }
  return 0;
}
