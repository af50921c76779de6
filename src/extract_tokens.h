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
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/container/inlined_vector.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "claimdiff/ingest.h"
#include "claimdiff/lexicon.h"
#include "core_stemmer.h"

struct sb_stemmer;

namespace claimdiff {

struct Token {
  enum Kind : uint8_t { kWord, kNumber, kPunct };

  // User-provided, so that emplace_back() builds a token in place without
  // zeroing it first (the members have their initializers).
  Token() {}

  // The small members first, side by side: a sentence's tokens are walked
  // by a dozen taggers, and a smaller token is fewer cache lines.
  Kind kind = kPunct;
  bool upper = false;         // Starts with an upper-case or title-case letter.
  bool space_before = false;  // White space (or the sentence start) precedes it.
  bool hyphenated = false;    // A word whose parts a hyphen joins (`folded` has a '-').
  size_t start = 0;  // Byte offsets into the document text.
  size_t end = 0;
  std::string folded;         // Case-folded surface.
  // Snowball stem of `folded` (words only; set by Stemmer::StemAll, whose
  // memory it views until the stemmer's next StemAll()).
  absl::string_view stem;
  // WordPrint() of `folded` (set by Tokenize) and of `stem` (set by
  // Stemmer::StemAll), for the key filters of the dozen tables every token
  // is looked up in.
  uint64_t folded_print = 0;
  uint64_t stem_print = 0;
};

// A 64-bit fingerprint of a word: its length and its first and last eight
// bytes (all of a word of up to sixteen), mixed.
inline uint64_t WordPrint(absl::string_view word) {
  const char* p = word.data();
  const size_t n = word.size();
  uint64_t head = 0, tail = 0;
  if (n >= 8) {
    std::memcpy(&head, p, 8);
    std::memcpy(&tail, p + n - 8, 8);
  } else if (n >= 4) {
    uint32_t h4, t4;
    std::memcpy(&h4, p, 4);
    std::memcpy(&t4, p + n - 4, 4);
    head = h4;
    tail = t4;
  } else if (n > 0) {
    head = static_cast<unsigned char>(p[0]) | uint64_t{static_cast<unsigned char>(p[n / 2])} << 8;
    tail = static_cast<unsigned char>(p[n - 1]);
  }
  uint64_t h = head * 0x9E3779B97F4A7C15u ^ tail * 0xC2B2AE3D27D4EB4Fu ^ n * 0x165667B19E3779F9u;
  h ^= h >> 29;
  h *= 0xBF58476D1CE4E5B9u;
  return h ^ (h >> 32);
}

// a == b, for words: those of up to sixteen bytes (nearly all) are compared
// as WordPrint() reads them, in two overlapping loads, without a memcmp()
// call.
inline bool SameWord(absl::string_view a, absl::string_view b) {
  const size_t n = a.size();
  if (n != b.size()) return false;
  const char* p = a.data();
  const char* q = b.data();
  if (n > 16) return std::memcmp(p, q, n) == 0;
  if (n >= 8) {
    uint64_t p1, p2, q1, q2;
    std::memcpy(&p1, p, 8);
    std::memcpy(&p2, p + n - 8, 8);
    std::memcpy(&q1, q, 8);
    std::memcpy(&q2, q + n - 8, 8);
    return ((p1 ^ q1) | (p2 ^ q2)) == 0;
  }
  if (n >= 4) {
    uint32_t p1, p2, q1, q2;
    std::memcpy(&p1, p, 4);
    std::memcpy(&p2, p + n - 4, 4);
    std::memcpy(&q1, q, 4);
    std::memcpy(&q2, q + n - 4, 4);
    return ((p1 ^ q1) | (p2 ^ q2)) == 0;
  }
  return n == 0 || (p[0] == q[0] && p[n / 2] == q[n / 2] && p[n - 1] == q[n - 1]);
}

// A word with its WordPrint(): a look-up key that needs no hashing.
struct PrintedWord {
  absl::string_view word;
  uint64_t print = 0;
};

// Hashes words by their WordPrint(), so that look-ups of a token's word,
// whose print the token carries, skip hashing (transparent: a table keyed
// by std::string finds a string_view or a PrintedWord).
struct WordHash {
  using is_transparent = void;
  size_t operator()(absl::string_view word) const { return static_cast<size_t>(WordPrint(word)); }
  size_t operator()(const PrintedWord& word) const { return static_cast<size_t>(word.print); }
};
struct WordEq {
  using is_transparent = void;
  bool operator()(absl::string_view a, absl::string_view b) const { return SameWord(a, b); }
  bool operator()(absl::string_view a, const PrintedWord& b) const { return SameWord(a, b.word); }
  bool operator()(const PrintedWord& a, absl::string_view b) const { return SameWord(a.word, b); }
};
template <typename Value>
using WordHashMap = absl::flat_hash_map<std::string, Value, WordHash, WordEq>;
using WordHashSet = absl::flat_hash_set<std::string, WordHash, WordEq>;

// Case-folds UTF-8 text (ICU simple case folding, code point by code point).
std::string FoldCase(absl::string_view text);

// Splits text[span] into tokens; offsets are absolute.
std::vector<Token> Tokenize(absl::string_view text, Span span);
// The same into `*out` (cleared first), which keeps its capacity from one
// sentence to the next.
void Tokenize(absl::string_view text, Span span, std::vector<Token>* out);

// Folded tokens of a lexicon phrase ("Bestätigt ist das aber nicht" ->
// {"bestätigt", "ist", "das", "aber", "nicht"}).
std::vector<std::string> PhraseTokens(absl::string_view phrase);

// A Snowball stemmer that remembers the stems of the words it has seen.
// Not thread-safe: make one per Extract() call.
class Stemmer {
 public:
  explicit Stemmer(const std::string& algorithm) : snowball_(algorithm) {}  // "" or unknown = identity.
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;
  std::string Stem(absl::string_view folded) const { return snowball_.Stem(folded); }
  // Fills Token::stem of every word token (remembering the stems of the
  // words seen: a document repeats its words). The stems stay valid until
  // the next call.
  void StemAll(std::vector<Token>* tokens) const;

 private:
  SnowballStemmer snowball_;
  struct Stemmed {
    std::unique_ptr<const std::string> stem;  // On the heap: tokens view it.
    uint64_t print = 0;                       // WordPrint(*stem).
  };
  mutable WordHashMap<Stemmed> seen_;  // Folded word -> stem.
};

// Parses a digit token with the language's separators ("1.000" -> 1000 and
// "1,5" -> 1.5 in German). A separator followed by a group of other than
// three digits is read as a decimal point whatever the locale says, so that
// "5.9" in a German text is 5.9. nullopt when the token is not a number
// ("23.04.2019").
std::optional<double> ParseNumber(absl::string_view digits, char decimal_separator, char group_separator);

// absl::EndsWith() for the lexicon's short suffixes, tried on most words:
// compared from the end, most words fail at the first byte, without a
// memcmp() call.
inline bool HasSuffix(absl::string_view word, absl::string_view suffix) {
  if (word.size() < suffix.size()) return false;
  for (size_t k = 1; k <= suffix.size(); ++k) {
    if (word[word.size() - k] != suffix[suffix.size() - k]) return false;
  }
  return true;
}

// A cheap pre-check for hash look-ups of words, a Bloom filter: sets two
// bits of one 64-bit word per key added, all picked by the key's
// WordPrint(). MayContain() is false only for a word no key can equal, so a
// look-up it rejects would have failed anyway. Sized for `expected_keys`
// (16 bits a key, 4096 bits at least), it accepts about 1 in 50 other words
// at that many keys, fewer below. Tokens carry their prints: checking one
// costs one load.
class KeyFilter {
 public:
  explicit KeyFilter(size_t expected_keys = 0);
  void Add(absl::string_view key) {
    if (key.empty()) return;
    const uint64_t print = WordPrint(key);
    words_[Word(print)] |= Bits(print);
  }
  bool MayContain(absl::string_view word) const { return !word.empty() && MayContainPrint(WordPrint(word)); }
  // The same for a word's WordPrint() (a non-empty word's).
  bool MayContainPrint(uint64_t print) const {
    const uint64_t bits = Bits(print);
    return (words_[Word(print)] & bits) == bits;
  }

 private:
  size_t Word(uint64_t print) const { return static_cast<size_t>(print >> 12) & word_mask_; }
  static uint64_t Bits(uint64_t print) { return uint64_t{1} << (print % 64) | uint64_t{1} << ((print >> 6) % 64); }
  std::vector<uint64_t> words_;
  size_t word_mask_ = 0;  // The number of words (a power of two) less one.
};

// A hash map keyed by words, with a KeyFilter in front: most words looked
// up are no key, and the filter turns them away before any hashing.
template <typename Value>
class WordMap {
 public:
  // Adds `key` unless present (the first value stays); true when added.
  bool Insert(std::string key, Value value) {
    filter_.Add(key);
    return map_.try_emplace(std::move(key), std::move(value)).second;
  }
  // The value of `key`, added (value-initialized) when absent.
  Value& operator[](const std::string& key) {
    filter_.Add(key);
    return map_[key];
  }
  // The value of `word`, or nullptr.
  const Value* Find(absl::string_view word) const { return Find(word, WordPrint(word)); }
  // The same with the word's WordPrint() known (a token's folded_print or stem_print).
  const Value* Find(absl::string_view word, uint64_t print) const {
    if (word.empty()) {  // The filter has no empty key.
      auto it = map_.find(word);
      return it == map_.end() ? nullptr : &it->second;
    }
    if (!filter_.MayContainPrint(print)) return nullptr;
    auto it = map_.find(PrintedWord{word, print});
    return it == map_.end() ? nullptr : &it->second;
  }
  bool Contains(absl::string_view word) const { return Find(word) != nullptr; }
  bool Contains(absl::string_view word, uint64_t print) const { return Find(word, print) != nullptr; }

 private:
  WordHashMap<Value> map_;
  KeyFilter filter_;
};

// A set of words with a KeyFilter in front (see WordMap).
class WordSet {
 public:
  void Insert(std::string word) {
    filter_.Add(word);
    set_.insert(std::move(word));
  }
  bool Contains(absl::string_view word) const { return Contains(word, WordPrint(word)); }
  bool Contains(absl::string_view word, uint64_t print) const {
    if (word.empty()) return set_.contains(word);  // The filter has no empty key.
    return filter_.MayContainPrint(print) && set_.contains(PrintedWord{word, print});
  }

 private:
  WordHashSet set_;
  KeyFilter filter_;
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
    // Token ranges of the parts when the phrase has gaps (one range
    // otherwise), on the stack for phrases of up to two parts.
    absl::InlinedVector<std::pair<size_t, size_t>, 2> parts;
  };

  void set_suffixes(std::vector<std::string> suffixes);
  void set_max_gap(size_t gap) { max_gap_ = gap; }
  // A last word matches by its stem only when capitalized (German nouns:
  // "Regierungen" for "Regierung", not "regierende").
  void set_stem_needs_upper(bool needs_upper) { stem_needs_upper_ = needs_upper; }
  // `stem_last`: the last phrase token is compared by stem (the caller
  // passes the phrase's stemmed last token in `last_stem`).
  void Add(const std::vector<std::string>& tokens, int payload, const std::string& last_stem = "");
  bool empty() const { return first_.empty(); }
  // Every key MayStartAt() looks for (first words, their stems, first
  // words with each suffix): a KeyFilter of several tables' keys tells at
  // once that a token starts an entry of none of them.
  std::vector<std::string> StartKeys() const;

  // Longest match starting at token i, not reaching past `limit`.
  std::optional<Match> MatchAt(const std::vector<Token>& tokens, size_t i, size_t limit) const {
    if (i >= limit || i >= tokens.size() || !MayStartAt(tokens[i])) return std::nullopt;
    return LongestAt(tokens, i, limit);
  }
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
  // False when no entry can start at `token`: start_filter_ knows the
  // entries' first words, their stems, and the first words with each
  // suffix. Most tokens start no phrase, and this spares them every hash
  // look-up (with one probe: the taggers ask a dozen tables of every token).
  bool MayStartAt(const Token& token) const {
    return start_filter_.MayContainPrint(token.folded_print) ||
           (!first_stem_.empty() && !token.stem.empty() && start_filter_.MayContainPrint(token.stem_print));
  }
  // Adds the forms with a suffix of a one-token entry's word to start_filter_.
  void AddSuffixed(absl::string_view word);
  // MatchAt() past the filters.
  std::optional<Match> LongestAt(const std::vector<Token>& tokens, size_t i, size_t limit) const;
  // Keyed by the first token (or its stem for one-token stem entries).
  WordHashMap<std::vector<Entry>> first_;
  WordHashMap<std::vector<Entry>> first_stem_;
  KeyFilter first_filter_;       // Keys of first_.
  KeyFilter first_stem_filter_;  // Keys of first_stem_.
  // Keys of first_ and first_stem_, and those of the one-token entries of
  // first_ with each suffix: what MayStartAt() probes. (It may hold more:
  // forms with suffixes set before; a filter only needs no false negatives.)
  KeyFilter start_filter_;
  std::vector<std::string> suffixes_;
  size_t max_gap_ = 12;
  bool stem_needs_upper_ = false;
};

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
