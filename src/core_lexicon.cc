#include "claimdiff/lexicon.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <mutex>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "unicode/utf8.h"

namespace claimdiff {

namespace {

const std::string& EmptyString() {
  static const std::string* const kEmpty = new std::string();
  return *kEmpty;
}

// Byte offset of the first invalid UTF-8 sequence, or npos.
size_t FirstInvalidUtf8(absl::string_view s) {
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(s.size());
  while (i < n) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    if (c < 0) return static_cast<size_t>(start);
  }
  return absl::string_view::npos;
}

}  // namespace

const std::string& LexiconRow::Field(size_t i) const {
  return i < fields.size() ? fields[i] : EmptyString();
}

std::string LexiconTable::Get(absl::string_view key, absl::string_view fallback) const {
  auto it = values.find(key);
  return it == values.end() ? std::string(fallback) : it->second;
}

std::vector<std::string> LexiconTable::GetAll(absl::string_view key) const {
  std::vector<std::string> out;
  for (const LexiconRow& row : rows) {
    if (row.fields[0] == key) out.push_back(row.Field(1));
  }
  return out;
}

const LexiconTable& Lexicon::Table(absl::string_view name) const {
  static const LexiconTable* const kEmpty = new LexiconTable();
  auto it = tables_.find(name);
  return it == tables_.end() ? *kEmpty : it->second;
}

bool Lexicon::HasTable(absl::string_view name) const { return tables_.find(name) != tables_.end(); }

std::vector<std::string> Lexicon::TableNames() const {
  std::vector<std::string> names;
  for (const auto& [name, table] : tables_) names.push_back(name);
  return names;
}

void Lexicon::AddTable(LexiconTable table) {
  std::string name = table.name;
  tables_[name] = std::move(table);
}

absl::StatusOr<LexiconTable> ParseLexiconTable(absl::string_view contents, absl::string_view name,
                                               absl::string_view path) {
  LexiconTable table;
  table.name = std::string(name);
  table.path = std::string(path);
  if (size_t bad = FirstInvalidUtf8(contents); bad != absl::string_view::npos) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ": invalid UTF-8 at byte offset ", bad));
  }
  // Sized once: the gazetteer has tens of thousands of rows.
  const size_t lines = static_cast<size_t>(std::count(contents.begin(), contents.end(), '\n')) + 1;
  table.rows.reserve(lines);
  table.values.reserve(lines);
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(contents, '\n')) {
    ++line_number;
    absl::ConsumeSuffix(&line, "\r");
    if (line_number == 1) absl::ConsumePrefix(&line, "\xEF\xBB\xBF");
    absl::string_view trimmed = absl::StripAsciiWhitespace(line);
    if (trimmed.empty() || trimmed[0] == '#') continue;
    LexiconRow row;
    row.line = line_number;
    row.fields.reserve(static_cast<size_t>(std::count(line.begin(), line.end(), '\t')) + 1);
    for (absl::string_view field : absl::StrSplit(line, '\t')) {
      row.fields.emplace_back(absl::StripAsciiWhitespace(field));
    }
    if (row.fields.empty() || row.fields[0].empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat(path, ":", line_number, ": empty key (a line must not start with a TAB)"));
    }
    if (row.fields.size() >= 2) table.values.emplace(row.fields[0], row.fields[1]);
    table.rows.push_back(std::move(row));
  }
  return table;
}

absl::StatusOr<Lexicon> LoadLexicon(absl::string_view dir, absl::string_view language) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path root{std::string(dir)};
  if (!fs::is_directory(root, ec)) {
    return absl::NotFoundError(absl::StrCat(dir, ": no lexicon folder for language '", language, "'"));
  }
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(root, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".tsv") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  Lexicon lexicon{std::string(language), std::string(dir)};
  for (const fs::path& file : files) {
    std::ifstream in(file, std::ios::binary | std::ios::ate);
    if (!in) return absl::NotFoundError(absl::StrCat(file.string(), ": cannot open"));
    // Read at once into a string of the file's size (the gazetteer is a few MB).
    std::string contents(static_cast<size_t>(std::max<std::streamoff>(in.tellg(), 0)), '\0');
    in.seekg(0);
    if (!in.read(contents.data(), static_cast<std::streamsize>(contents.size()))) {
      return absl::NotFoundError(absl::StrCat(file.string(), ": cannot read"));
    }
    auto table = ParseLexiconTable(contents, file.stem().string(), file.string());
    if (!table.ok()) return table.status();
    lexicon.AddTable(*std::move(table));
  }
  return lexicon;
}

struct LexiconSet::State {
  std::mutex mu;
  std::map<std::string, std::unique_ptr<Lexicon>, std::less<>> loaded;
};

LexiconSet::LexiconSet(std::string root) : root_(std::move(root)), state_(new State) {}
LexiconSet::~LexiconSet() = default;

std::string LexiconSet::DefaultRoot() {
  if (const char* env = std::getenv("CLAIMDIFF_LEXICON_DIR"); env != nullptr && *env != '\0') {
    return env;
  }
  return CLAIMDIFF_DEFAULT_LEXICON_DIR;
}

absl::StatusOr<const Lexicon*> LexiconSet::Get(absl::string_view language) const {
  if (language.empty() || language.find('/') != absl::string_view::npos ||
      language.find('.') != absl::string_view::npos) {
    return absl::InvalidArgumentError(absl::StrCat("invalid language code '", language, "'"));
  }
  std::lock_guard<std::mutex> lock(state_->mu);
  auto it = state_->loaded.find(language);
  if (it != state_->loaded.end()) return it->second.get();
  auto lexicon = LoadLexicon(absl::StrCat(root_, "/", language), language);
  if (!lexicon.ok()) {
    if (absl::IsNotFound(lexicon.status()) && language != "common") {
      return absl::NotFoundError(absl::StrCat("unknown language '", language,
                                              "' (no folder in ", root_, ")"));
    }
    return lexicon.status();
  }
  auto owned = std::make_unique<Lexicon>(*std::move(lexicon));
  const Lexicon* result = owned.get();
  state_->loaded.emplace(std::string(language), std::move(owned));
  return result;
}

absl::StatusOr<const Lexicon*> LexiconSet::Common() const { return Get("common"); }

std::vector<std::string> LexiconSet::Languages() const {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(root_, ec)) {
    std::string name = entry.path().filename().string();
    if (entry.is_directory() && name != "common") out.push_back(name);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace claimdiff
