// Stage 1: ingest. Reads text, Markdown, HTML and JSON Lines into Documents.
//
// A Document's `text` is valid UTF-8 and is what every later byte offset
// refers to. For plain text and Markdown, `text` has the same length as the
// file (Markdown markup is replaced by spaces, not removed), so offsets are
// also offsets into the file and line/column mapping is exact. For HTML,
// `source_map` maps text offsets back to file offsets.
//
// Exceptions to "offsets are file offsets", all covered by source_map and
// Document::SourceOffset():
//  - A UTF-8 byte order mark is not part of `text`: offsets refer to the
//    text after the BOM, and SourceOffset() adds its 3 bytes back.
//  - With --lenient, each invalid UTF-8 sequence becomes U+FFFD (3 bytes).
//  - With --encoding, offsets refer to the text converted to UTF-8; the map
//    does not lead back to the bytes of the original encoding.
//  - JSON Lines: offsets refer to the record's "text" string as decoded
//    from JSON, exactly as given (no BOM stripping, no normalization).
//
// Formats: by extension (.jsonl/.ndjson, .md/.markdown, .html/.htm/.xhtml,
// else text) or IngestOptions::format; standard input ("-") is text unless
// the format is set (the CLI's --jsonl). Markdown front matter (a "---"
// block at the top) gives title, date, lang and source and is marked as
// furniture "front_matter", code blocks as "code_block", block images' alt
// text as "caption". HTML: the article body (the <article> with the most
// text, else <main>, else <body>) is prose; menus, headers, footers, asides,
// captions and everything outside the article stay in the text as furniture
// ("nav", "header", "footer", "aside", "caption", "form", "outside_article").
// Script and style are not text. The date comes from
// <meta property="article:published_time">, JSON-LD "datePublished", other
// date metadata, or <time datetime>, in that order.

#ifndef CLAIMDIFF_INCLUDE_CLAIMDIFF_INGEST_H_
#define CLAIMDIFF_INCLUDE_CLAIMDIFF_INGEST_H_

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"

namespace claimdiff {

// Half-open byte range [start, end) into Document::text.
struct Span {
  size_t start = 0;
  size_t end = 0;

  size_t size() const { return end - start; }
  bool empty() const { return end <= start; }
  friend bool operator==(const Span& a, const Span& b) { return a.start == b.start && a.end == b.end; }
};

enum class InputFormat { kAuto, kText, kMarkdown, kHtml, kJsonl };

// A stretch of text that is not prose: page furniture (photo credits,
// "Zur SZ-Startseite", teasers, repeated captions), front matter, code
// blocks. Later stages skip it; reports can show it.
struct Furniture {
  Span span;
  std::string reason;  // "front_matter", "code_block", "photo_credit", "teaser", "repeated_line", ...
};

// Maps a run of text bytes to the file bytes they came from. Runs are sorted
// by text_start. A run with length == source_length maps byte for byte; any
// other (a decoded entity, U+FFFD for a bad sequence) maps as a unit to its
// source start. Text between runs (paragraph breaks inserted for HTML
// blocks) has no source of its own and maps to the end of the run before.
struct SourceRun {
  size_t text_start = 0;
  size_t source_start = 0;
  size_t length = 0;  // Bytes of text covered (the source run may differ in length for entities).
  size_t source_length = 0;
};

struct Document {
  std::string id;       // From JSON Lines, else the file name without folder and extension ("stdin" for "-").
  std::string source;   // Outlet or source name ("Süddeutsche Zeitung"), may be "".
  std::string path;     // File it came from ("-" for standard input), for messages; "file:line" for JSON Lines.
  std::string title;    // Front matter, first Markdown "# " heading, <title> or JSON Lines "title"; may be "".
  InputFormat format = InputFormat::kText;

  // Language precedence: JSON Lines record "lang" (or its cluster's), then
  // --lang, then the file's own (front matter, <html lang>), then detection.
  std::string lang;             // "de", "en", ... ; never empty after ingest.
  double lang_confidence = 1.0; // 1.0 when given; detector confidence otherwise.
  bool lang_detected = false;   // True when `lang` came from the detector.

  std::optional<absl::CivilDay> published;  // Publication date (DCT), when known.
  std::string published_from;               // "flag", "front_matter", "meta", "json_ld", "time", "jsonl", "".

  std::string text;                 // Valid UTF-8. All spans index this.
  std::vector<Furniture> furniture; // Non-prose spans found while ingesting (sorted, disjoint).
  std::vector<SourceRun> source_map;// Empty when text offsets are file offsets.
  std::vector<std::string> warnings;// E.g. "--lenient replaced 3 invalid bytes"; the CLI prints them.

  // File byte offset of text offset `offset` (identity when source_map is empty).
  size_t SourceOffset(size_t offset) const;
};

// A set of documents about the same event. A single document read from a
// file is a cluster of one with `is_cluster` false.
struct Cluster {
  std::string id;
  std::vector<Document> docs;
  bool is_cluster = false;  // True when the input line was {"id", "docs": [...]}.
};

struct IngestOptions {
  // Format; kAuto picks by extension (.md/.markdown, .html/.htm, .jsonl,
  // otherwise text). Standard input is text unless set.
  InputFormat format = InputFormat::kAuto;
  // Language code to use instead of detection ("" = detect, or take the
  // language given in the file).
  std::string lang;
  // Publication date to use instead of the one found in the file.
  std::optional<absl::CivilDay> date;
  // Source name to use instead of the one found in the file.
  std::string source;
  // Replace invalid UTF-8 by U+FFFD and warn, instead of failing.
  bool lenient = false;
  // Input encoding for ICU's converters ("" = UTF-8 with or without BOM).
  std::string encoding;
  // Largest input accepted, in bytes (for JSON Lines: per line).
  size_t max_bytes = size_t{1} << 31;
  // Root of the language data (holds <lang>/langdetect.tsv) used by language
  // detection; "" = LexiconSet::DefaultRoot().
  std::string lexicon_dir;
};

// Reads one file ("-" = standard input) into one or more clusters: a
// JSON Lines file gives one cluster per line, any other file one cluster of
// one document. Errors name the file and the line or byte offset:
// NotFound (missing file), InvalidArgument (bad encoding, empty, binary,
// malformed JSON).
absl::StatusOr<std::vector<Cluster>> ReadInput(absl::string_view path, const IngestOptions& options);

// Builds a Document from bytes already in memory. `name` is used in messages
// and gives the id; `format` must not be kJsonl or kAuto. The bytes go
// through the same checks as a file (encoding, empty, binary).
absl::StatusOr<Document> MakeDocument(absl::string_view name, absl::string_view bytes,
                                      InputFormat format, const IngestOptions& options);

// Parses one JSON Lines record (a document or a cluster). `where` is
// "file:line" for messages and becomes each Document's `path`. Extra fields
// are ignored; an optional "format" field ("text", "markdown", "html") says
// how to read "text". Errors: InvalidArgument "where: ..." (malformed JSON,
// invalid UTF-8 unless lenient, missing or empty "text", bad "dct").
absl::StatusOr<Cluster> ParseJsonlRecord(absl::string_view line, absl::string_view where,
                                         const IngestOptions& options);

// Language detection between the languages the detector knows (German and
// English). Returns the code and a confidence in [0.5, 1].
struct LanguageGuess {
  std::string lang;
  double confidence = 0.5;
};
LanguageGuess DetectLanguage(absl::string_view text);
// The same with the language data under `lexicon_root` ("" = default root):
// every <lang>/langdetect.tsv found there takes part.
LanguageGuess DetectLanguage(absl::string_view text, absl::string_view lexicon_root);

// Parses "2019-04-18" (and full ISO timestamps, of which the day is kept).
std::optional<absl::CivilDay> ParseIsoDate(absl::string_view s);

}  // namespace claimdiff

#endif  // CLAIMDIFF_INCLUDE_CLAIMDIFF_INGEST_H_
