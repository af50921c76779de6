// JSON Lines input: one document {"id", "text", "lang"?, "dct"?, "source"?}
// or one cluster {"id", "docs": [documents...]} per line. Extra fields are
// ignored; blank lines are skipped.
//
// A line is read in one of two ways with the same result: records of the
// usual shape by FlatRecordReader, fast and without a JSON DOM; any other
// line (and every malformed one) through nlohmann-json, whose messages the
// errors quote. Both hand the fields of each document to
// BuildJsonlDocument.

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <optional>
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

// ---- The fields of a document ----

// A document's fields as a record gives them, their types checked.
struct DocumentFields {
  std::string id;
  std::string text;
  InputFormat format = InputFormat::kText;
  std::string lang, dct, source, title;  // "" when absent or null.
};

// The document of `fields`: checks the values (empty or blank text, a bad
// date), parses the format, and sets the language and the rest.
absl::StatusOr<Document> BuildJsonlDocument(DocumentFields fields, absl::string_view where,
                                            absl::string_view default_lang, const IngestOptions& options) {
  const std::string doc_where = absl::StrCat(where, ": document \"", fields.id, "\"");
  if (fields.text.empty()) return absl::InvalidArgumentError(absl::StrCat(doc_where, ": empty \"text\""));
  Document doc;
  if (fields.format == InputFormat::kText) {
    // Plain text is taken exactly as given (offsets in evaluation data refer to it).
    if (ii::IsBlank(fields.text)) {
      return absl::InvalidArgumentError(absl::StrCat(doc_where, ": \"text\" contains only white space"));
    }
    doc.text = std::move(fields.text);
  } else {
    // The text is already UTF-8 (checked with the line): no encoding step.
    IngestOptions text_options = options;
    text_options.encoding.clear();
    CLAIMDIFF_ASSIGN_OR_RETURN(doc, ii::BuildDocument(doc_where, std::move(fields.text), fields.format,
                                                      text_options, /*finish=*/false));
  }
  doc.id = std::move(fields.id);
  doc.path = std::string(where);
  if (!fields.title.empty()) doc.title = std::move(fields.title);
  if (!fields.source.empty()) doc.source = std::move(fields.source);
  if (!fields.dct.empty()) {
    doc.published = ParseIsoDate(fields.dct);
    if (!doc.published) {
      return absl::InvalidArgumentError(
          absl::StrCat(doc_where, ": field \"dct\" is not a date YYYY-MM-DD: '", fields.dct, "'"));
    }
    doc.published_from = "jsonl";
  }
  // The record's language comes first, then --lang, then detection.
  std::string lang = fields.lang.empty() ? std::string(default_lang) : std::move(fields.lang);
  IngestOptions finish_options = options;
  if (!lang.empty()) {
    doc.lang = std::move(lang);
    doc.lang_confidence = 1.0;
    finish_options.lang.clear();
  }
  ii::FinishDocument(finish_options, &doc);
  return doc;
}

// ---- Records of the usual shape, without a JSON DOM ----

// Fields of a record or of a document in a cluster, as FlatRecordReader
// reads them.
struct FlatFields {
  std::optional<std::string> id;  // A string, or an integer as JSON writes it; nullopt when absent or null.
  std::optional<std::string> text;
  std::string lang, dct, source, title;  // "" when absent or null.
};

struct FlatRecord {
  FlatFields fields;
  std::optional<std::vector<FlatFields>> docs;  // Set for a cluster.
};

// Reads the records that JSON Lines files hold nearly always: an object
// whose "id" is a string or an integer, whose "text", "lang", "dct",
// "source" and "title" are strings (or null but for "text"), with a
// "format" of null if any, a "docs" array of such objects (not empty) for a
// cluster, and strings, integers, true, false or null in the fields nobody
// reads. Read() returns nullopt for any other line, malformed or not, and
// the caller parses it with nlohmann-json, which accepts every JSON value
// and words the errors; so the two ways agree on every line this reader
// accepts. It is several times faster than nlohmann's DOM: no tree, no
// allocation but for the strings kept, and strings are copied in runs
// between escapes (nlohmann's lexer takes one character at a time). The
// line must be valid UTF-8 (ParseJsonlRecord checks that first), so bytes
// of 0x80 and up inside strings are copied as they are.
class FlatRecordReader {
 public:
  explicit FlatRecordReader(absl::string_view line) : p_(line.data()), end_(line.data() + line.size()) {}

  std::optional<FlatRecord> Read() {
    FlatRecord record;
    if (!ReadObject(&record.fields, &record.docs)) return std::nullopt;
    SkipSpace();
    if (p_ != end_) return std::nullopt;
    // A record without text or documents is an error: the other way words it.
    if (record.docs) {
      if (record.docs->empty()) return std::nullopt;
      for (const FlatFields& doc : *record.docs) {
        if (!doc.text) return std::nullopt;
      }
    } else if (!record.fields.text) {
      return std::nullopt;
    }
    return record;
  }

 private:
  void SkipSpace() {
    while (p_ != end_ && (*p_ == ' ' || *p_ == '\t' || *p_ == '\n' || *p_ == '\r')) ++p_;
  }

  // Skips white space, then `c`.
  bool Consume(char c) {
    SkipSpace();
    if (p_ == end_ || *p_ != c) return false;
    ++p_;
    return true;
  }

  bool ConsumeWord(absl::string_view word) {
    if (static_cast<size_t>(end_ - p_) < word.size() || absl::string_view(p_, word.size()) != word) {
      return false;
    }
    p_ += word.size();
    return true;
  }

  // An object of fields; `docs` is null inside a cluster's "docs" (where a
  // "docs" field is one nobody reads).
  bool ReadObject(FlatFields* fields, std::optional<std::vector<FlatFields>>* docs) {
    if (!Consume('{')) return false;
    SkipSpace();
    if (p_ != end_ && *p_ == '}') {
      ++p_;
      return true;
    }
    std::string key;
    do {
      key.clear();
      SkipSpace();
      if (p_ == end_ || *p_ != '"' || !ReadString(&key) || !Consume(':')) return false;
      SkipSpace();
      if (p_ == end_) return false;
      bool ok;
      // Of repeated keys the last one counts, as in nlohmann-json.
      if (key == "id") {
        ok = ReadId(&fields->id);
      } else if (key == "text") {
        fields->text.emplace();
        ok = *p_ == '"' && ReadString(&*fields->text);
      } else if (key == "lang") {
        ok = ReadOptionalString(&fields->lang);
      } else if (key == "dct") {
        ok = ReadOptionalString(&fields->dct);
      } else if (key == "source") {
        ok = ReadOptionalString(&fields->source);
      } else if (key == "title") {
        ok = ReadOptionalString(&fields->title);
      } else if (key == "format") {
        ok = ConsumeWord("null");  // Other formats take nlohmann's way.
      } else if (key == "docs" && docs != nullptr) {
        ok = ReadDocs(docs);
      } else {
        ok = SkipScalar();
      }
      if (!ok) return false;
    } while (Consume(','));
    return Consume('}');
  }

  bool ReadDocs(std::optional<std::vector<FlatFields>>* docs) {
    if (*p_ != '[') return false;
    ++p_;
    docs->emplace();
    SkipSpace();
    if (p_ != end_ && *p_ == ']') {
      ++p_;
      return true;
    }
    do {
      if (!ReadObject(&(*docs)->emplace_back(), nullptr)) return false;
    } while (Consume(','));
    return Consume(']');
  }

  // A string or an integer.
  bool ReadId(std::optional<std::string>* id) {
    if (ConsumeWord("null")) {
      id->reset();
      return true;
    }
    id->emplace();
    return *p_ == '"' ? ReadString(&**id) : ReadInteger(&**id);
  }

  // A string, or null for "".
  bool ReadOptionalString(std::string* out) {
    out->clear();
    return ConsumeWord("null") || (*p_ == '"' && ReadString(out));
  }

  bool SkipScalar() {
    std::string ignored;
    if (*p_ == '"') return ReadString(&ignored);
    return ConsumeWord("true") || ConsumeWord("false") || ConsumeWord("null") || ReadInteger(&ignored);
  }

  // An integer of up to 18 digits, written as nlohmann-json writes it
  // ("-0" is "0"). Fractions and exponents are left to nlohmann.
  bool ReadInteger(std::string* out) {
    const bool negative = *p_ == '-';
    if (negative) ++p_;
    const char* digits = p_;
    while (p_ != end_ && *p_ >= '0' && *p_ <= '9') ++p_;
    const size_t n = static_cast<size_t>(p_ - digits);
    if (n == 0 || n > 18 || (n > 1 && *digits == '0')) return false;
    if (p_ != end_ && (*p_ == '.' || *p_ == 'e' || *p_ == 'E')) return false;
    const bool zero = n == 1 && *digits == '0';
    *out = absl::StrCat(negative && !zero ? "-" : "", absl::string_view(digits, n));
    return true;
  }

  // At the opening quote. Copies the runs between escapes whole; memchr
  // finds their ends.
  bool ReadString(std::string* out) {
    ++p_;
    const char* quote = Find(p_, end_, '"');
    out->reserve(out->size() + static_cast<size_t>(quote - p_));  // Exact unless there are escapes.
    while (quote != end_) {
      const char* run_end = Find(p_, quote, '\\');
      if (HasControlByte(p_, run_end)) return false;  // Must be escaped in JSON.
      out->append(p_, run_end);
      p_ = run_end + 1;
      if (run_end == quote) return true;
      if (!ReadEscape(out)) return false;
      if (p_ > quote) quote = Find(p_, end_, '"');  // That quote was escaped.
    }
    return false;
  }

  // The first `c` in [from, to), or `to`.
  static const char* Find(const char* from, const char* to, char c) {
    const void* hit = std::memchr(from, c, static_cast<size_t>(to - from));
    return hit == nullptr ? to : static_cast<const char*>(hit);
  }

  // Whether [from, to) holds a byte below 0x20. No early exit: the compiler
  // vectorizes the loop.
  static bool HasControlByte(const char* from, const char* to) {
    unsigned char min = 0xFF;
    for (const char* c = from; c != to; ++c) min = std::min(min, static_cast<unsigned char>(*c));
    return min < 0x20;
  }

  // After a backslash.
  bool ReadEscape(std::string* out) {
    if (p_ == end_) return false;
    switch (*p_++) {
      case '"':
        out->push_back('"');
        return true;
      case '\\':
        out->push_back('\\');
        return true;
      case '/':
        out->push_back('/');
        return true;
      case 'b':
        out->push_back('\b');
        return true;
      case 'f':
        out->push_back('\f');
        return true;
      case 'n':
        out->push_back('\n');
        return true;
      case 'r':
        out->push_back('\r');
        return true;
      case 't':
        out->push_back('\t');
        return true;
      case 'u':
        return ReadUnicodeEscape(out);
      default:
        return false;
    }
  }

  // After "\u": a code point, or a surrogate pair ("\uD83D\uDE00"), as UTF-8.
  bool ReadUnicodeEscape(std::string* out) {
    uint32_t cp;
    if (!ReadHex4(&cp)) return false;
    if (cp >= 0xDC00 && cp <= 0xDFFF) return false;  // A low surrogate on its own.
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      uint32_t low;
      if (!ConsumeWord("\\u") || !ReadHex4(&low) || low < 0xDC00 || low > 0xDFFF) return false;
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    if (cp < 0x80) {
      out->push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
    return true;
  }

  bool ReadHex4(uint32_t* out) {
    if (end_ - p_ < 4) return false;
    uint32_t value = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = *p_++;
      uint32_t digit;
      if (c >= '0' && c <= '9') {
        digit = static_cast<uint32_t>(c - '0');
      } else if (c >= 'a' && c <= 'f') {
        digit = static_cast<uint32_t>(c - 'a' + 10);
      } else if (c >= 'A' && c <= 'F') {
        digit = static_cast<uint32_t>(c - 'A' + 10);
      } else {
        return false;
      }
      value = value << 4 | digit;
    }
    *out = value;
    return true;
  }

  const char* p_;
  const char* const end_;
};

// The cluster of a record FlatRecordReader read (so every document has text).
absl::StatusOr<Cluster> ClusterFromFlat(FlatRecord record, absl::string_view where,
                                        const IngestOptions& options) {
  auto document = [&](FlatFields& f, std::string fallback_id, absl::string_view default_lang) {
    DocumentFields fields;
    fields.id = f.id ? std::move(*f.id) : std::move(fallback_id);
    fields.text = std::move(*f.text);
    fields.lang = std::move(f.lang);
    fields.dct = std::move(f.dct);
    fields.source = std::move(f.source);
    fields.title = std::move(f.title);
    return BuildJsonlDocument(std::move(fields), where, default_lang, options);
  };
  Cluster cluster;
  if (record.docs) {
    cluster.id = record.fields.id ? std::move(*record.fields.id) : std::string(where);
    cluster.is_cluster = true;
    cluster.docs.reserve(record.docs->size());
    for (FlatFields& d : *record.docs) {
      CLAIMDIFF_ASSIGN_OR_RETURN(
          Document doc, document(d, absl::StrCat(cluster.id, "#", cluster.docs.size()), record.fields.lang));
      cluster.docs.push_back(std::move(doc));
    }
  } else {
    CLAIMDIFF_ASSIGN_OR_RETURN(Document doc, document(record.fields, std::string(where), ""));
    cluster.id = doc.id;
    cluster.docs.push_back(std::move(doc));
  }
  return cluster;
}

// ---- Any record, through nlohmann-json ----

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

// Checks the fields of a document object and moves them out of it.
absl::StatusOr<DocumentFields> FieldsFromJson(Json& object, absl::string_view where,
                                              absl::string_view fallback_id) {
  if (!object.is_object()) {
    return absl::InvalidArgumentError(
        absl::StrCat(where, ": a document must be a JSON object, not ", object.type_name()));
  }
  DocumentFields fields;
  CLAIMDIFF_ASSIGN_OR_RETURN(fields.id, RecordId(object, where, fallback_id));
  const std::string doc_where = absl::StrCat(where, ": document \"", fields.id, "\"");
  auto text_it = object.find("text");
  if (text_it == object.end()) {
    return absl::InvalidArgumentError(absl::StrCat(doc_where, ": no \"text\" field"));
  }
  if (!text_it->is_string()) {
    return absl::InvalidArgumentError(
        absl::StrCat(doc_where, ": field \"text\" must be a string, not ", text_it->type_name()));
  }
  CLAIMDIFF_ASSIGN_OR_RETURN(fields.format, RecordFormat(object, doc_where));
  CLAIMDIFF_ASSIGN_OR_RETURN(fields.lang, OptionalString(object, "lang", doc_where));
  CLAIMDIFF_ASSIGN_OR_RETURN(fields.dct, OptionalString(object, "dct", doc_where));
  CLAIMDIFF_ASSIGN_OR_RETURN(fields.source, OptionalString(object, "source", doc_where));
  CLAIMDIFF_ASSIGN_OR_RETURN(fields.title, OptionalString(object, "title", doc_where));
  fields.text = std::move(text_it->get_ref<std::string&>());
  return fields;
}

// "[json.exception.parse_error.101] parse error at line 1, column 5: x" -> "column 5: x".
std::string ShortParseError(const nlohmann::json::exception& e) {
  std::string what = e.what();
  if (size_t p = what.find("] "); p != std::string::npos) what.erase(0, p + 2);
  if (absl::StartsWith(what, "parse error at line 1, ")) what.erase(0, std::strlen("parse error at line 1, "));
  return what;
}

// The cluster of any line: parsed with nlohmann-json, every check in order.
absl::StatusOr<Cluster> ClusterFromJson(absl::string_view line, absl::string_view where,
                                        const IngestOptions& options) {
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
    cluster.docs.reserve(docs_it->size());
    for (Json& d : *docs_it) {
      CLAIMDIFF_ASSIGN_OR_RETURN(
          DocumentFields fields,
          FieldsFromJson(d, where, absl::StrCat(cluster.id, "#", cluster.docs.size())));
      CLAIMDIFF_ASSIGN_OR_RETURN(Document doc,
                                 BuildJsonlDocument(std::move(fields), where, cluster_lang, options));
      cluster.docs.push_back(std::move(doc));
    }
  } else if (record.contains("text")) {
    CLAIMDIFF_ASSIGN_OR_RETURN(DocumentFields fields, FieldsFromJson(record, where, where));
    CLAIMDIFF_ASSIGN_OR_RETURN(Document doc, BuildJsonlDocument(std::move(fields), where, "", options));
    cluster.id = doc.id;
    cluster.docs.push_back(std::move(doc));
  } else {
    return absl::InvalidArgumentError(
        absl::StrCat(where, ": a record needs \"text\" (a document) or \"docs\" (a cluster of documents)"));
  }
  return cluster;
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
  std::optional<FlatRecord> flat = FlatRecordReader(line).Read();
  CLAIMDIFF_ASSIGN_OR_RETURN(Cluster cluster, flat ? ClusterFromFlat(*std::move(flat), where, options)
                                                   : ClusterFromJson(line, where, options));
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
