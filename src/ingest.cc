// PLACEHOLDER ingest: plain UTF-8 text only. Replaced by the ingest work.
#include "claimdiff/ingest.h"

#include <fstream>
#include <sstream>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace claimdiff {

size_t Document::SourceOffset(size_t offset) const { return offset; }

std::optional<absl::CivilDay> ParseIsoDate(absl::string_view s) {
  absl::CivilDay day;
  if (s.size() >= 10 && absl::ParseCivilTime(s.substr(0, 10), &day)) return day;
  return std::nullopt;
}

LanguageGuess DetectLanguage(absl::string_view) { return {"de", 0.5}; }

absl::StatusOr<Document> MakeDocument(absl::string_view name, absl::string_view bytes, InputFormat format,
                                      const IngestOptions& options) {
  Document doc;
  doc.id = std::string(name);
  doc.path = std::string(name);
  doc.format = format;
  doc.text = std::string(bytes);
  doc.lang = options.lang.empty() ? DetectLanguage(bytes).lang : options.lang;
  doc.published = options.date;
  return doc;
}

absl::StatusOr<Cluster> ParseJsonlRecord(absl::string_view, absl::string_view where, const IngestOptions&) {
  return absl::UnimplementedError(absl::StrCat(where, ": JSON Lines not implemented"));
}

absl::StatusOr<std::vector<Cluster>> ReadInput(absl::string_view path, const IngestOptions& options) {
  std::ifstream in{std::string(path), std::ios::binary};
  if (!in) return absl::NotFoundError(absl::StrCat(path, ": cannot open"));
  std::stringstream ss;
  ss << in.rdbuf();
  auto doc = MakeDocument(path, ss.str(), InputFormat::kText, options);
  if (!doc.ok()) return doc.status();
  Cluster c;
  c.id = doc->id;
  c.docs.push_back(*std::move(doc));
  return std::vector<Cluster>{std::move(c)};
}

}  // namespace claimdiff
