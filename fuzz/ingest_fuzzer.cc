// libFuzzer target: every ingest path (text, Markdown, HTML, JSON Lines,
// lenient UTF-8) on arbitrary bytes. The first byte picks the format.

#include <cstddef>
#include <cstdint>

#include "claimdiff/ingest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  using claimdiff::InputFormat;
  const InputFormat formats[] = {InputFormat::kText, InputFormat::kMarkdown, InputFormat::kHtml};
  absl::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  claimdiff::IngestOptions options;
  options.lenient = (data[0] & 0x10) != 0;
  options.lang = (data[0] & 0x20) != 0 ? "de" : "";
  int pick = data[0] % 4;
  if (pick == 3) {
    auto cluster = claimdiff::ParseJsonlRecord(bytes, "fuzz:1", options);
    (void)cluster;
    return 0;
  }
  auto doc = claimdiff::MakeDocument("fuzz", bytes, formats[pick], options);
  if (doc.ok()) {
    // Invariants every later stage relies on.
    for (const claimdiff::Furniture& f : doc->furniture) {
      if (f.span.start > f.span.end || f.span.end > doc->text.size()) __builtin_trap();
    }
    for (size_t i = 0; i <= doc->text.size(); i += 1 + doc->text.size() / 16) (void)doc->SourceOffset(i);
  }
  return 0;
}
