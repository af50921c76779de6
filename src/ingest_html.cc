// HTML (placeholder while being written): text kept as is.
#include "claimdiff/ingest.h"
#include "ingest_internal.h"

namespace claimdiff::ingest_internal {

absl::Status ParseHtml(absl::string_view, absl::string_view utf8, size_t, Document* doc) {
  doc->text = std::string(utf8);
  return absl::OkStatus();
}

}  // namespace claimdiff::ingest_internal
