// Language knowledge, loaded from data files.
//
// A language is a folder (src/lexicon/<lang>/) of UTF-8 tab-separated files,
// one table per file. Code knows the *kinds* of knowledge (months, hedges,
// abbreviations, ...) by table name and how to match them; the words live in
// the files. Adding a language means adding a folder; nothing in C++ names a
// word of any language. Files shared by all languages (the gazetteer) sit in
// src/lexicon/common/.
//
// File format: one entry per line, fields separated by TAB, '#' starts a
// comment line, blank lines are ignored. Each file opens with a comment that
// states its purpose and a "FORMAT:" line naming the columns.
//
// Lexicons are immutable after loading and therefore safe to share between
// threads.

#ifndef CLAIMDIFF_INCLUDE_CLAIMDIFF_LEXICON_H_
#define CLAIMDIFF_INCLUDE_CLAIMDIFF_LEXICON_H_

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace claimdiff {

// One line of a table file.
struct LexiconRow {
  std::vector<std::string> fields;  // At least one; fields[0] is the key.
  int line = 0;                     // 1-based line in the file, for messages.

  // Field i, or "" when the row is shorter.
  const std::string& Field(size_t i) const;
};

// One file: "months.tsv" is the table "months".
struct LexiconTable {
  std::string name;  // File name without ".tsv".
  std::string path;  // Full path, for messages ("path:line: ...").
  std::vector<LexiconRow> rows;
  // Settings-style tables (key<TAB>value) read through Get().
  absl::flat_hash_map<std::string, std::string> values;

  // Value of a key<TAB>value row, or `fallback`.
  std::string Get(absl::string_view key, absl::string_view fallback = "") const;
  // Every value of a key that repeats (one row each), in file order.
  std::vector<std::string> GetAll(absl::string_view key) const;
};

// All tables of one language.
class Lexicon {
 public:
  Lexicon() = default;
  Lexicon(std::string language, std::string dir) : language_(std::move(language)), dir_(std::move(dir)) {}

  const std::string& language() const { return language_; }
  const std::string& dir() const { return dir_; }

  // The table called `name`, or an empty table when the language has none
  // (a language may leave out any kind of knowledge).
  const LexiconTable& Table(absl::string_view name) const;
  bool HasTable(absl::string_view name) const;
  std::vector<std::string> TableNames() const;

  void AddTable(LexiconTable table);

 private:
  std::string language_;
  std::string dir_;
  std::map<std::string, LexiconTable, std::less<>> tables_;
};

// Parses the contents of one table file. `path` is used in messages only.
// Fails with InvalidArgument "path:line: ..." on a line that is not valid
// UTF-8 or has an empty key.
absl::StatusOr<LexiconTable> ParseLexiconTable(absl::string_view contents, absl::string_view name,
                                               absl::string_view path);

// Loads every *.tsv file of `dir` (one language folder).
absl::StatusOr<Lexicon> LoadLexicon(absl::string_view dir, absl::string_view language);

// The languages known under a lexicon root, loaded on first use.
// Thread-safe.
class LexiconSet {
 public:
  // `root` holds one folder per language plus "common/".
  explicit LexiconSet(std::string root);
  ~LexiconSet();

  // The default root: $CLAIMDIFF_LEXICON_DIR, else the build-time path.
  static std::string DefaultRoot();

  const std::string& root() const { return root_; }

  // Loads (once) and returns the lexicon of `language`. NotFound when the
  // root has no such folder.
  absl::StatusOr<const Lexicon*> Get(absl::string_view language) const;
  // Shared tables of src/lexicon/common/ (gazetteer and the like).
  absl::StatusOr<const Lexicon*> Common() const;
  // Language folders present under the root, sorted ("de", "en", ...).
  std::vector<std::string> Languages() const;

 private:
  struct State;
  std::string root_;
  std::unique_ptr<State> state_;
};

}  // namespace claimdiff

#endif  // CLAIMDIFF_INCLUDE_CLAIMDIFF_LEXICON_H_
