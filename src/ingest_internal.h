// Private helpers of the ingest stage, shared between src/ingest*.cc.

#ifndef CLAIMDIFF_SRC_INGEST_INTERNAL_H_
#define CLAIMDIFF_SRC_INGEST_INTERNAL_H_

#include <cstddef>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "claimdiff/ingest.h"

namespace claimdiff::ingest_internal {

// ---- Encoding (ingest_encoding.cc) ----

// Bytes turned into valid UTF-8 text.
struct DecodedText {
  std::string text;
  size_t bom_bytes = 0;               // Bytes of byte order mark dropped at the start.
  std::vector<SourceRun> source_map;  // Non-empty when --lenient changed lengths.
  std::vector<std::string> warnings;
};

// Decodes `bytes` of file `name`: UTF-8 with or without BOM, or
// `options.encoding` through ICU. Fails with InvalidArgument naming the file
// and the byte offset on invalid UTF-8 (unless options.lenient), UTF-16
// without --encoding, NUL bytes, empty or whitespace-only input.
absl::StatusOr<DecodedText> DecodeInput(absl::string_view name, std::string bytes, const IngestOptions& options);

// Offset of the first byte that is not part of valid UTF-8, or npos.
size_t FindInvalidUtf8(absl::string_view s);

// Replaces each maximal invalid subsequence by U+FFFD. Returns the count of
// replacements; fills `map` with runs mapping the result to `s` when
// anything was replaced.
size_t ReplaceInvalidUtf8(absl::string_view s, std::string* out, std::vector<SourceRun>* map);

// True when `s` has nothing but white space (ASCII and Unicode spaces).
bool IsBlank(absl::string_view s);

// Converts `bytes` from ICU converter `encoding` to UTF-8.
absl::StatusOr<std::string> ConvertToUtf8(absl::string_view name, absl::string_view bytes,
                                          absl::string_view encoding, bool lenient,
                                          std::vector<std::string>* warnings);

// ---- Formats ----

// Markdown: `text` keeps the length of `utf8` (markup becomes spaces);
// fills title, published, lang, source from front matter and furniture.
void ParseMarkdown(absl::string_view utf8, Document* doc);

// HTML through gumbo: fills text, title, published, source, furniture and
// source_map. `utf8` is the decoded file; `source_base` is added to source
// offsets (the BOM length). Fails when the page holds no text.
absl::Status ParseHtml(absl::string_view name, absl::string_view utf8, size_t source_base, Document* doc);

// ---- Language (ingest_langdetect.cc) ----

LanguageGuess DetectLanguageIn(absl::string_view text, absl::string_view lexicon_root);

// ---- Reading (ingest.cc, ingest_jsonl.cc) ----

using FileHandle = std::unique_ptr<std::FILE, void (*)(std::FILE*)>;

// Opens `path` ("-" = standard input). NotFound for a missing file.
absl::StatusOr<FileHandle> OpenInput(absl::string_view path);

// Reads a whole file, failing when it exceeds `max_bytes`.
absl::StatusOr<std::string> ReadAllBytes(absl::string_view path, size_t max_bytes);

// Decodes and parses one non-JSONL document; `finish` runs FinishDocument.
absl::StatusOr<Document> BuildDocument(absl::string_view name, std::string bytes, InputFormat format,
                                       const IngestOptions& options, bool finish);

// Reads a JSON Lines file, one cluster per non-blank line.
absl::StatusOr<std::vector<Cluster>> ReadJsonlFile(absl::string_view path, const IngestOptions& options);

// ---- Common finishing ----

// Fills id, lang, published, source from `options` and defaults once the
// format-specific parser has run.
void FinishDocument(const IngestOptions& options, Document* doc);

// Maps through a chain of runs: `map` (text -> intermediate), identity when
// empty.
size_t MapOffset(const std::vector<SourceRun>& map, size_t offset);

// Composes `outer` (text -> mid) with `inner` (mid -> file) into runs text -> file.
std::vector<SourceRun> ComposeMaps(const std::vector<SourceRun>& outer, const std::vector<SourceRun>& inner);

}  // namespace claimdiff::ingest_internal

#endif  // CLAIMDIFF_SRC_INGEST_INTERNAL_H_
