// JSON Lines input: one document {"id", "text", "lang"?, "dct"?, "source"?}
// or one cluster {"id", "docs": [documents...]} per line. Extra fields are
// ignored; blank lines are skipped.

#include <cstdio>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "claimdiff/ingest.h"
#include "ingest_internal.h"
#include "nlohmann/json.hpp"
#include "status_macros.h"

namespace claimdiff {

namespace ii = ingest_internal;

namespace {

using Json = nlohmann::json;

// The value of an optional string field; error when present but not a string.
absl::StatusOr<std::string> OptionalString(const Json& object, const char* key, absl::string_view where) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return std::string();
  if (!it->is_string()) {
    return absl::InvalidArgumentError(
        absl::StrCat(where, ": field \"", key, "\" must be a string, not ", it->type_name()));
  }
  return it->get<std::string>();
}

// The id: a string, or a number written as JSON.
absl::StatusOr<std::string> RecordId(const Json& object, absl::string_view where, absl::string_view fallback) {
  auto it = object.find("id");
  if (it == object.end() || it->is_null()) return std::string(fallback);
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number()) return it->dump();
  return absl::InvalidArgumentError(
      absl::StrCat(where, ": field \"id\" must be a string or a number, not ", it->type_name()));
}

absl::StatusOr<InputFormat> RecordFormat(const Json& object, absl::string_view where) {
  CLAIMDIFF_ASSIGN_OR_RETURN(std::string format, OptionalString(object, "format", where));
  format = absl::AsciiStrToLower(format);
  if (format.empty() || format == "text" || format == "txt") return InputFormat::kText;
  if (format == "markdown" || format == "md") return InputFormat::kMarkdown;
  if (format == "html") return InputFormat::kHtml;
  return absl::InvalidArgumentError(
      absl::StrCat(where, ": field \"format\" must be text, markdown or html, not '", format, "'"));
}

absl::StatusOr<Document> DocumentFromJson(const Json& object, absl::string_view where, absl::string_view fallback_id,
                                          absl::string_view default_lang, const IngestOptions& options) {
  if (!object.is_object()) {
    return absl::InvalidArgumentError(absl::StrCat(where, ": a document must be a JSON object, not ",
                                                   object.type_name()));
  }
  CLAIMDIFF_ASSIGN_OR_RETURN(std::string id, RecordId(object, where, fallback_id));
  const std::string doc_where = absl::StrCat(where, ": document \"", id, "\"");
  auto text_it = object.find("text");
  if (text_it == object.end()) {
    return absl::InvalidArgumentError(absl::StrCat(doc_where, ": no \"text\" field"));
  }
  if (!text_it->is_string()) {
    return absl::InvalidArgumentError(
        absl::StrCat(doc_where, ": field \"text\" must be a string, not ", text_it->type_name()));
  }
  CLAIMDIFF_ASSIGN_OR_RETURN(InputFormat format, RecordFormat(object, doc_where));
  CLAIMDIFF_ASSIGN_OR_RETURN(std::string lang, OptionalString(object, "lang", doc_where));
  CLAIMDIFF_ASSIGN_OR_RETURN(std::string dct, OptionalString(object, "dct", doc_where));
  CLAIMDIFF_ASSIGN_OR_RETURN(std::string source, OptionalString(object, "source", doc_where));
  CLAIMDIFF_ASSIGN_OR_RETURN(std::string title, OptionalString(object, "title", doc_where));

  // The text is already UTF-8 (the JSON parser checked it): no encoding step.
  IngestOptions text_options = options;
  text_options.encoding.clear();
  const std::string& text = text_it->get_ref<const std::string&>();
  if (text.empty()) return absl::InvalidArgumentError(absl::StrCat(doc_where, ": empty \"text\""));
  Document doc;
  if (format == InputFormat::kText) {
    // Plain text is taken exactly as given (offsets in evaluation data refer to it).
    if (ii::IsBlank(text)) {
      return absl::InvalidArgumentError(absl::StrCat(doc_where, ": \"text\" contains only white space"));
    }
    doc.text = text;
  } else {
    CLAIMDIFF_ASSIGN_OR_RETURN(doc, ii::BuildDocument(doc_where, std::string(text), format, text_options, /*finish=*/false));
  }
  doc.id = std::move(id);
  doc.path = std::string(where);
  if (!title.empty()) doc.title = std::move(title);
  if (!source.empty()) doc.source = std::move(source);
  if (!dct.empty()) {
    doc.published = ParseIsoDate(dct);
    if (!doc.published) {
      return absl::InvalidArgumentError(
          absl::StrCat(doc_where, ": field \"dct\" is not a date YYYY-MM-DD: '", dct, "'"));
    }
    doc.published_from = "jsonl";
  }
  // The record's language comes first, then --lang, then detection.
  if (lang.empty()) lang = std::string(default_lang);
  IngestOptions finish_options = options;
  if (!lang.empty()) {
    doc.lang = lang;
    doc.lang_confidence = 1.0;
    finish_options.lang.clear();
  }
  ii::FinishDocument(finish_options, &doc);
  return doc;
}

// "[json.exception.parse_error.101] parse error at line 1, column 5: x" -> "column 5: x".
std::string ShortParseError(const nlohmann::json::exception& e) {
  std::string what = e.what();
  if (size_t p = what.find("] "); p != std::string::npos) what.erase(0, p + 2);
  if (absl::StartsWith(what, "parse error at line 1, ")) what.erase(0, std::strlen("parse error at line 1, "));
  return what;
}

}  // namespace

absl::StatusOr<Cluster> ParseJsonlRecord(absl::string_view line, absl::string_view where,
                                         const IngestOptions& options) {
  if (line.size() > options.max_bytes) {
    return absl::InvalidArgumentError(absl::StrCat(where, ": line too long (", line.size(),
                                                   " bytes; the limit is ", options.max_bytes, " bytes)"));
  }
  std::string repaired;
  std::vector<std::string> warnings;
  if (size_t bad = ii::FindInvalidUtf8(line); bad != absl::string_view::npos) {
    if (!options.lenient) {
      return absl::InvalidArgumentError(absl::StrCat(where, ": invalid UTF-8 at column ", bad + 1,
                                                     " of the line; use --lenient to replace bad bytes"));
    }
    std::vector<SourceRun> unused;
    size_t n = ii::ReplaceInvalidUtf8(line, &repaired, &unused);
    warnings.push_back(absl::StrCat("--lenient replaced ", n, " invalid UTF-8 sequence(s) by U+FFFD, the first at column ",
                                    bad + 1, " of the line"));
    line = repaired;
  }
  Json record;
  try {
    record = Json::parse(line.begin(), line.end());
  } catch (const Json::parse_error& e) {
    return absl::InvalidArgumentError(absl::StrCat(where, ": malformed JSON: ", ShortParseError(e)));
  } catch (const Json::exception& e) {
    return absl::InvalidArgumentError(absl::StrCat(where, ": malformed JSON: ", ShortParseError(e)));
  }
  if (!record.is_object()) {
    return absl::InvalidArgumentError(
        absl::StrCat(where, ": a record must be a JSON object {\"id\", \"text\"} or {\"id\", \"docs\"}, not ",
                     record.type_name()));
  }
  Cluster cluster;
  auto docs_it = record.find("docs");
  if (docs_it != record.end()) {
    if (!docs_it->is_array()) {
      return absl::InvalidArgumentError(
          absl::StrCat(where, ": field \"docs\" must be an array, not ", docs_it->type_name()));
    }
    if (docs_it->empty()) return absl::InvalidArgumentError(absl::StrCat(where, ": field \"docs\" is empty"));
    CLAIMDIFF_ASSIGN_OR_RETURN(cluster.id, RecordId(record, where, where));
    CLAIMDIFF_ASSIGN_OR_RETURN(std::string cluster_lang, OptionalString(record, "lang", where));
    cluster.is_cluster = true;
    size_t index = 0;
    for (const Json& d : *docs_it) {
      const std::string fallback = absl::StrCat(cluster.id, "#", index++);
      CLAIMDIFF_ASSIGN_OR_RETURN(Document doc, DocumentFromJson(d, where, fallback, cluster_lang, options));
      cluster.docs.push_back(std::move(doc));
    }
  } else if (record.contains("text")) {
    CLAIMDIFF_ASSIGN_OR_RETURN(Document doc, DocumentFromJson(record, where, where, "", options));
    cluster.id = doc.id;
    cluster.docs.push_back(std::move(doc));
  } else {
    return absl::InvalidArgumentError(
        absl::StrCat(where, ": a record needs \"text\" (a document) or \"docs\" (a cluster of documents)"));
  }
  if (!warnings.empty()) {
    for (Document& doc : cluster.docs) doc.warnings.insert(doc.warnings.end(), warnings.begin(), warnings.end());
  }
  return cluster;
}

namespace ingest_internal {

namespace {

// Splits `data` into lines and parses each; `first_line` is 1-based.
absl::Status ParseLines(absl::string_view data, absl::string_view name, size_t* line_number,
                        const IngestOptions& options, std::vector<Cluster>* out) {
  while (!data.empty()) {
    size_t nl = data.find('\n');
    absl::string_view line = data.substr(0, nl);
    data.remove_prefix(nl == absl::string_view::npos ? data.size() : nl + 1);
    ++*line_number;
    if (*line_number == 1 && absl::StartsWith(line, "\xEF\xBB\xBF")) line.remove_prefix(3);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (absl::StripAsciiWhitespace(line).empty()) continue;
    CLAIMDIFF_ASSIGN_OR_RETURN(Cluster cluster,
                               ParseJsonlRecord(line, absl::StrCat(name, ":", *line_number), options));
    out->push_back(std::move(cluster));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::vector<Cluster>> ReadJsonlFile(absl::string_view path, const IngestOptions& options) {
  const std::string name = path == "-" ? "<stdin>" : std::string(path);
  std::vector<Cluster> out;
  size_t line_number = 0;
  if (!options.encoding.empty()) {
    // Another encoding: decode the whole input first (lines cannot be split
    // on bytes in UTF-16).
    CLAIMDIFF_ASSIGN_OR_RETURN(std::string bytes, ReadAllBytes(path, SIZE_MAX));
    CLAIMDIFF_ASSIGN_OR_RETURN(DecodedText decoded, DecodeInput(name, std::move(bytes), options));
    CLAIMDIFF_RETURN_IF_ERROR(ParseLines(decoded.text, name, &line_number, options, &out));
    if (!decoded.warnings.empty()) {
      for (Cluster& c : out) {
        for (Document& d : c.docs) d.warnings.insert(d.warnings.end(), decoded.warnings.begin(), decoded.warnings.end());
      }
    }
  } else {
    CLAIMDIFF_ASSIGN_OR_RETURN(FileHandle file, OpenInput(path));
    std::string pending;
    char buffer[1 << 16];
    bool any_bytes = false;
    for (;;) {
      size_t n = std::fread(buffer, 1, sizeof(buffer), file.get());
      if (n > 0) any_bytes = true;
      pending.append(buffer, n);
      // Parse every complete line; keep the rest.
      size_t last_nl = pending.rfind('\n');
      if (last_nl != std::string::npos) {
        CLAIMDIFF_RETURN_IF_ERROR(
            ParseLines(absl::string_view(pending).substr(0, last_nl + 1), name, &line_number, options, &out));
        pending.erase(0, last_nl + 1);
      } else if (pending.size() > options.max_bytes) {
        return absl::InvalidArgumentError(absl::StrCat(name, ":", line_number + 1, ": line too long (more than ",
                                                       options.max_bytes, " bytes)"));
      }
      if (n < sizeof(buffer)) {
        if (std::ferror(file.get())) {
          return absl::InvalidArgumentError(absl::StrCat(name, ": read error: ", std::strerror(errno)));
        }
        break;
      }
    }
    CLAIMDIFF_RETURN_IF_ERROR(ParseLines(pending, name, &line_number, options, &out));
    if (!any_bytes) return absl::InvalidArgumentError(absl::StrCat(name, ": empty input (0 bytes)"));
  }
  if (out.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(name, ": no JSON Lines records (only blank lines)"));
  }
  return out;
}

}  // namespace ingest_internal

}  // namespace claimdiff
