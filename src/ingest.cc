// Stage 1: ingest. Reading files, choosing the format, and the fields every
// document gets (id, source, language, publication date). The formats live
// in ingest_markdown.cc, ingest_html.cc and ingest_jsonl.cc, the encoding
// checks in ingest_encoding.cc, language detection in ingest_langdetect.cc.

#include "claimdiff/ingest.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "claimdiff/lexicon.h"
#include "ingest_internal.h"
#include "status_macros.h"

namespace claimdiff {

namespace ii = ingest_internal;

size_t Document::SourceOffset(size_t offset) const { return ii::MapOffset(source_map, offset); }

std::optional<absl::CivilDay> ParseIsoDate(absl::string_view s) {
  s = absl::StripAsciiWhitespace(s);
  if (s.size() < 10) return std::nullopt;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(s[i]))) return std::nullopt;
  }
  if (s[4] != '-' || s[7] != '-') return std::nullopt;
  if (s.size() > 10 && s[10] != 'T' && s[10] != 't' && s[10] != ' ') return std::nullopt;
  auto number = [s](size_t pos, size_t digits) {
    int n = 0;
    for (size_t i = pos; i < pos + digits; ++i) n = n * 10 + (s[i] - '0');
    return n;
  };
  const int year = number(0, 4);
  const int month = number(5, 2);
  const int day = number(8, 2);
  absl::CivilDay civil(year, month, day);
  // CivilDay normalizes 2019-02-30 to 2019-03-02; such a date is not valid.
  if (civil.year() != year || civil.month() != month || civil.day() != day) return std::nullopt;
  return civil;
}

LanguageGuess DetectLanguage(absl::string_view text) {
  return ii::DetectLanguageIn(text, LexiconSet::DefaultRoot());
}

LanguageGuess DetectLanguage(absl::string_view text, absl::string_view lexicon_root) {
  return ii::DetectLanguageIn(text, lexicon_root.empty() ? LexiconSet::DefaultRoot() : std::string(lexicon_root));
}

namespace ingest_internal {

size_t MapOffset(const std::vector<SourceRun>& map, size_t offset) {
  if (map.empty()) return offset;
  // Last run starting at or before `offset`.
  auto it = std::upper_bound(map.begin(), map.end(), offset,
                             [](size_t off, const SourceRun& run) { return off < run.text_start; });
  if (it == map.begin()) return map.front().source_start;
  const SourceRun& run = *std::prev(it);
  const size_t into = offset - run.text_start;
  if (into < run.length) {
    if (run.length == run.source_length) return run.source_start + into;
    return run.source_start;  // Inside a replaced unit (entity, U+FFFD): its start.
  }
  return run.source_start + run.source_length;  // In a gap after the run: the run's end.
}

std::vector<SourceRun> ComposeMaps(const std::vector<SourceRun>& outer, const std::vector<SourceRun>& inner) {
  if (inner.empty()) return outer;
  std::vector<SourceRun> out;
  out.reserve(outer.size());
  for (const SourceRun& run : outer) {
    const size_t begin = MapOffset(inner, run.source_start);
    const size_t end = run.source_length == 0 ? begin : MapOffset(inner, run.source_start + run.source_length - 1) + 1;
    SourceRun composed = run;
    composed.source_start = begin;
    composed.source_length = std::max(end, begin) - begin;
    out.push_back(composed);
  }
  return out;
}

void FinishDocument(const IngestOptions& options, Document* doc) {
  if (!options.source.empty()) doc->source = options.source;
  if (options.date) {
    doc->published = options.date;
    doc->published_from = "flag";
  }
  if (!options.lang.empty()) {
    doc->lang = absl::AsciiStrToLower(options.lang);
    doc->lang_confidence = 1.0;
    doc->lang_detected = false;
  } else if (doc->lang.empty()) {
    // Prose only: furniture (front matter, code, menus) says little about the language.
    // The first 64 KB of prose are plenty.
    constexpr size_t kEnough = 64 * 1024;
    std::string prose;
    size_t pos = 0;
    for (const Furniture& f : doc->furniture) {
      if (prose.size() >= kEnough) break;
      if (f.span.start > pos) prose.append(doc->text, pos, std::min(f.span.start - pos, kEnough));
      prose.push_back(' ');
      pos = std::max(pos, f.span.end);
    }
    if (pos < doc->text.size() && prose.size() < kEnough) prose.append(doc->text, pos, kEnough);
    LanguageGuess guess = DetectLanguageIn(prose, options.lexicon_dir.empty() ? LexiconSet::DefaultRoot()
                                                                                : options.lexicon_dir);
    doc->lang = guess.lang;
    doc->lang_confidence = guess.confidence;
    doc->lang_detected = true;
  } else {
    doc->lang = absl::AsciiStrToLower(doc->lang);
  }
  std::sort(doc->furniture.begin(), doc->furniture.end(),
            [](const Furniture& a, const Furniture& b) { return a.span.start < b.span.start; });
}

}  // namespace ingest_internal

namespace {

std::string DisplayName(absl::string_view path) { return path == "-" ? "<stdin>" : std::string(path); }

// The id of a document read from a file: its name without folder and extension.
std::string IdFromPath(absl::string_view path) {
  if (path == "-") return "stdin";
  std::filesystem::path p{std::string(path)};
  std::string stem = p.stem().string();
  return stem.empty() ? p.filename().string() : stem;
}

InputFormat FormatFromPath(absl::string_view path) {
  std::string lower = absl::AsciiStrToLower(path);
  if (absl::EndsWith(lower, ".jsonl") || absl::EndsWith(lower, ".ndjson")) return InputFormat::kJsonl;
  if (absl::EndsWith(lower, ".md") || absl::EndsWith(lower, ".markdown")) return InputFormat::kMarkdown;
  if (absl::EndsWith(lower, ".html") || absl::EndsWith(lower, ".htm") || absl::EndsWith(lower, ".xhtml")) {
    return InputFormat::kHtml;
  }
  return InputFormat::kText;
}

}  // namespace

namespace ingest_internal {

absl::StatusOr<FileHandle> OpenInput(absl::string_view path) {
  static constexpr auto close = [](std::FILE* f) {
    if (f != nullptr && f != stdin) std::fclose(f);
  };
  using Handle = FileHandle;
  if (path == "-") return Handle(stdin, close);
  std::string p(path);
  struct stat st;
  if (::stat(p.c_str(), &st) != 0) {
    if (errno == ENOENT || errno == ENOTDIR) return absl::NotFoundError(absl::StrCat(path, ": no such file"));
    return absl::InvalidArgumentError(absl::StrCat(path, ": cannot read: ", std::strerror(errno)));
  }
  if (S_ISDIR(st.st_mode)) return absl::InvalidArgumentError(absl::StrCat(path, ": is a directory, not a file"));
  std::FILE* f = std::fopen(p.c_str(), "rb");
  if (f == nullptr) return absl::InvalidArgumentError(absl::StrCat(path, ": cannot open: ", std::strerror(errno)));
  return Handle(f, close);
}

absl::StatusOr<std::string> ReadAllBytes(absl::string_view path, size_t max_bytes) {
  CLAIMDIFF_ASSIGN_OR_RETURN(auto file, OpenInput(path));
  const std::string name = DisplayName(path);
  std::string bytes;
  if (path != "-") {
    struct stat st;
    if (::fstat(fileno(file.get()), &st) == 0 && S_ISREG(st.st_mode)) {
      if (static_cast<size_t>(st.st_size) > max_bytes) {
        return absl::InvalidArgumentError(absl::StrCat(name, ": input too large (", st.st_size,
                                                       " bytes; the limit is ", max_bytes, " bytes)"));
      }
      bytes.reserve(static_cast<size_t>(st.st_size));
    }
  }
  char buffer[1 << 16];
  for (;;) {
    size_t n = std::fread(buffer, 1, sizeof(buffer), file.get());
    if (n > 0) {
      if (bytes.size() + n > max_bytes) {
        return absl::InvalidArgumentError(
            absl::StrCat(name, ": input too large (more than the limit of ", max_bytes, " bytes)"));
      }
      bytes.append(buffer, n);
    }
    if (n < sizeof(buffer)) {
      if (std::ferror(file.get())) {
        return absl::InvalidArgumentError(absl::StrCat(name, ": read error: ", std::strerror(errno)));
      }
      break;
    }
  }
  return bytes;
}

absl::StatusOr<Document> BuildDocument(absl::string_view name, std::string bytes, InputFormat format,
                                       const IngestOptions& options, bool finish) {
  if (bytes.size() > options.max_bytes) {
    return absl::InvalidArgumentError(absl::StrCat(name, ": input too large (", bytes.size(),
                                                   " bytes; the limit is ", options.max_bytes, " bytes)"));
  }
  CLAIMDIFF_ASSIGN_OR_RETURN(DecodedText decoded, DecodeInput(name, std::move(bytes), options));
  Document doc;
  doc.format = format;
  doc.warnings = std::move(decoded.warnings);
  // Offsets into the decoded text -> file offsets: --lenient replacements
  // and the byte order mark shift them.
  const bool lenient_map = !decoded.source_map.empty();
  if (!lenient_map && decoded.bom_bytes > 0) {
    decoded.source_map.push_back({0, decoded.bom_bytes, decoded.text.size(), decoded.text.size()});
  }
  switch (format) {
    case InputFormat::kHtml: {
      CLAIMDIFF_RETURN_IF_ERROR(ParseHtml(name, decoded.text, lenient_map ? 0 : decoded.bom_bytes, &doc));
      if (lenient_map) doc.source_map = ComposeMaps(doc.source_map, decoded.source_map);
      break;
    }
    case InputFormat::kMarkdown:
      ParseMarkdown(decoded.text, &doc);
      doc.source_map = std::move(decoded.source_map);
      break;
    default:
      doc.format = InputFormat::kText;
      doc.text = std::move(decoded.text);
      doc.source_map = std::move(decoded.source_map);
      break;
  }
  if (IsBlank(doc.text)) return absl::InvalidArgumentError(absl::StrCat(name, ": no text found in the input"));
  if (finish) FinishDocument(options, &doc);
  return doc;
}

}  // namespace ingest_internal

absl::StatusOr<Document> MakeDocument(absl::string_view name, absl::string_view bytes, InputFormat format,
                                      const IngestOptions& options) {
  if (format == InputFormat::kJsonl || format == InputFormat::kAuto) {
    return absl::InvalidArgumentError(absl::StrCat(name, ": MakeDocument needs text, markdown or html"));
  }
  CLAIMDIFF_ASSIGN_OR_RETURN(Document doc,
                             ii::BuildDocument(name, std::string(bytes), format, options, /*finish=*/false));
  doc.id = IdFromPath(name);
  doc.path = std::string(name);
  ii::FinishDocument(options, &doc);
  return doc;
}

absl::StatusOr<std::vector<Cluster>> ReadInput(absl::string_view path, const IngestOptions& options) {
  InputFormat format = options.format;
  if (format == InputFormat::kAuto) format = path == "-" ? InputFormat::kText : FormatFromPath(path);
  if (format == InputFormat::kJsonl) return ii::ReadJsonlFile(path, options);
  const std::string name = DisplayName(path);
  CLAIMDIFF_ASSIGN_OR_RETURN(std::string bytes, ii::ReadAllBytes(path, options.max_bytes));
  CLAIMDIFF_ASSIGN_OR_RETURN(Document doc,
                             ii::BuildDocument(name, std::move(bytes), format, options, /*finish=*/false));
  doc.id = IdFromPath(path);
  doc.path = std::string(path);
  ii::FinishDocument(options, &doc);
  Cluster cluster;
  cluster.id = doc.id;
  cluster.docs.push_back(std::move(doc));
  std::vector<Cluster> out;
  out.push_back(std::move(cluster));
  return out;
}

}  // namespace claimdiff
