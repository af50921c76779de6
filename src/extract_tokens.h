// Tokens and phrase tables shared by the claim taggers of the extract stage
// (participants, quantities, certainty, attribution, events). Private to
// the extract stage.
//
// A token is a run of letters (with inner hyphens and apostrophes:
// "Kreml-Sprecher", "Jong-un", "didn't"), a run of digits (with inner
// separators: "1.000", "1,5", "120,000"), or one punctuation character.
// Every token keeps its byte span into the document text and a case-folded
// form (ICU simple case folding) that all lexicon lookups use.

#ifndef CLAIMDIFF_SRC_EXTRACT_TOKENS_H_
#define CLAIMDIFF_SRC_EXTRACT_TOKENS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "claimdiff/ingest.h"
#include "claimdiff/lexicon.h"

struct sb_stemmer;

namespace claimdiff {

struct Token {
  enum Kind { kWord, kNumber, kPunct };
  Kind kind = kPunct;
  size_t start = 0;  // Byte offsets into the document text.
  size_t end = 0;
  std::string folded;         // Case-folded surface.
  bool upper = false;         // Starts with an upper-case or title-case letter.
  bool space_before = false;  // White space (or the sentence start) precedes it.
  std::string stem;           // Snowball stem of `folded` (words only; filled on demand).
};

// Case-folds UTF-8 text (ICU simple case folding, code point by code point).
std::string FoldCase(absl::string_view text);

// Splits text[span] into tokens; offsets are absolute.
std::vector<Token> Tokenize(absl::string_view text, Span span);

// Folded tokens of a lexicon phrase ("Bestätigt ist das aber nicht" ->
// {"bestätigt", "ist", "das", "aber", "nicht"}).
std::vector<std::string> PhraseTokens(absl::string_view phrase);

// A Snowball stemmer. Not thread-safe: make one per Extract() call.
class Stemmer {
 public:
  explicit Stemmer(const std::string& algorithm);  // "" or unknown = identity.
  ~Stemmer();
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;
  std::string Stem(absl::string_view folded) const;
  // Fills Token::stem of every word token (remembering the stems of the
  // words seen: a document repeats its words).
  void StemAll(std::vector<Token>* tokens) const;

 private:
  struct sb_stemmer* stemmer_ = nullptr;
  mutable absl::flat_hash_map<std::string, std::string> seen_;  // Folded word -> stem.
};

// Parses a digit token with the language's separators ("1.000" -> 1000 and
// "1,5" -> 1.5 in German). A separator followed by a group of other than
// three digits is read as a decimal point whatever the locale says, so that
// "5.9" in a German text is 5.9. nullopt when the token is not a number
// ("23.04.2019").
std::optional<double> ParseNumber(absl::string_view digits, char decimal_separator, char group_separator);

// A cheap pre-check for hash look-ups of words: remembers the (first byte,
// length) pairs of the keys added. MayContain() is false only for a word no
// key can equal, so a look-up it rejects would have failed anyway.
class KeyFilter {
 public:
  void Add(absl::string_view key) {
    if (key.empty()) return;
    seen_[static_cast<unsigned char>(key[0])] |= LengthBit(key.size());
  }
  bool MayContain(absl::string_view word) const {
    return !word.empty() && (seen_[static_cast<unsigned char>(word[0])] & LengthBit(word.size())) != 0;
  }

 private:
  static uint64_t LengthBit(size_t n) { return uint64_t{1} << (n < 63 ? n : 63); }
  uint64_t seen_[256] = {};
};

// A table of phrases (token sequences) matched leftmost-longest.
// A phrase token "..." is a gap: up to `max_gap` tokens that are not
// punctuation ("teilte ... mit"). Entries may be matched on the stem of
// their last token (`by_stem`), and the last token may carry one of the
// `suffixes` ("Putins" for "Putin").
class PhraseTable {
 public:
  struct Match {
    size_t begin = 0;  // Token indexes, [begin, end).
    size_t end = 0;
    int payload = -1;
    // Token ranges of the parts when the phrase has gaps (one range otherwise).
    std::vector<std::pair<size_t, size_t>> parts;
  };

  void set_suffixes(std::vector<std::string> suffixes) { suffixes_ = std::move(suffixes); }
  void set_max_gap(size_t gap) { max_gap_ = gap; }
  // `stem_last`: the last phrase token is compared by stem (the caller
  // passes the phrase's stemmed last token in `last_stem`).
  void Add(const std::vector<std::string>& tokens, int payload, const std::string& last_stem = "");
  bool empty() const { return first_.empty(); }

  // Longest match starting at token i, not reaching past `limit`.
  std::optional<Match> MatchAt(const std::vector<Token>& tokens, size_t i, size_t limit) const;
  // All leftmost-longest matches in [begin, end), not overlapping (gap
  // matches let the gap's tokens match too).
  std::vector<Match> FindAll(const std::vector<Token>& tokens, size_t begin, size_t end) const;

 private:
  struct Entry {
    std::vector<std::string> tokens;
    std::string last_stem;  // Non-empty: compare the last token by stem.
    int payload = -1;
  };
  bool TokenMatches(const Token& token, const std::string& want, const std::string& want_stem,
                    bool last) const;
  // Keyed by the first token (or its stem for one-token stem entries).
  absl::flat_hash_map<std::string, std::vector<Entry>> first_;
  absl::flat_hash_map<std::string, std::vector<Entry>> first_stem_;
  KeyFilter first_filter_;       // Keys of first_.
  KeyFilter first_stem_filter_;  // Keys of first_stem_.
  std::vector<std::string> suffixes_;
  size_t max_gap_ = 12;
};

// Values of a key that may repeat in a settings table ("title_link	von").
std::vector<std::string> SettingValues(const LexiconTable& table, absl::string_view key);

// InvalidArgument "path:line: expected N fields ..." when `row` has fewer
// than `n` non-empty leading fields.
absl::Status CheckFields(const LexiconTable& table, const LexiconRow& row, size_t n);

// Adds every row of `table` to `phrases`, payload = row index; the last
// token is also matched by stem when `stemmer` is given.
void AddPhrases(const LexiconTable& table, const Stemmer* stemmer, PhraseTable* phrases);

// True when the token is a word or number whose text adjoins the previous
// token without space.
inline bool Glued(const Token& t) { return !t.space_before; }

}  // namespace claimdiff

#endif  // CLAIMDIFF_SRC_EXTRACT_TOKENS_H_
