// Compiled time vocabulary of one language and the tokenizer the time tagger
// works on. Private to the extract stage.
//
// The words come from the lexicon tables months, weekdays, time_words,
// time_measure_cues and tense (src/lexicon/<lang>/); this file knows only the kinds of words.

#ifndef CLAIMDIFF_SRC_EXTRACT_TIMEX_LEXICON_H_
#define CLAIMDIFF_SRC_EXTRACT_TIMEX_LEXICON_H_

#include <array>
#include <bitset>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "claimdiff/lexicon.h"
#include "extract_tokens.h"

namespace claimdiff {
namespace timex {

// The kinds of time words (see src/lexicon/de/time_words.tsv).
enum class Kind : uint8_t {
  kMonth, kWeekday, kUnit, kNumber, kVagueNumber, kOrdinal, kOffset, kDayOffset, kRef,
  kPartOfDay, kPart, kHalf, kSeason, kSetAdverb, kDurAdverb, kSetQuant, kMod, kDet,
  kMonthCue, kYearCue, kDurCue, kShift, kAgo, kAgoPost, kDecade, kDecadeSuffix, kClock,
  kConj, kRelUnit, kTimes, kBc, kSame, kWeekdaySet, kOrdinalSuffix, kAgeCue, kPodCue, kLaterPre, kCountUnit, kMeasureCue,
  kCount,  // Number of kinds, not a kind.
};

// A set of kinds, one bit each: what a token may start, tested before its
// entries are searched.
using KindSet = uint64_t;
static_assert(static_cast<int>(Kind::kCount) <= 64, "KindSet has one bit per kind");
constexpr KindSet KindBit(Kind k) { return KindSet{1} << static_cast<int>(k); }

struct Entry {
  Entry() = default;
  explicit Entry(Kind k) : kind(k) {}

  Kind kind = Kind::kUnit;
  double num = 0;     // Numeric value (month, ISO day, number, offset, ...).
  std::string value;  // Text value (unit code, TIMEX3 value, mod, ...).
  std::string extra;  // Fourth column ("pl", "gen", "ref", offset of rel_unit).
  int words = 1;      // Tokens the surface spans.
  std::vector<std::string> tail;  // Folded tokens after the first one.
  bool exact = false; // Match the surface case-sensitively.
  std::string surface;
};

enum class TokType : uint8_t { kWord, kNum, kAlnum, kPunct };

struct Token {
  // User-provided, so that emplace_back() builds a token in place without
  // zeroing it first (the members have their initializers).
  Token() {}

  size_t begin = 0, end = 0;  // Byte offsets into the document text.
  TokType type = TokType::kPunct;
  absl::string_view text;     // As written: a view of the tokenized text.
  std::string fold;           // Case-folded.
  uint64_t print = 0;         // WordPrint(fold), for the key filters.
  bool cap = false;           // Starts with an upper-case letter.
  long long num = -1;         // Value of the leading digits (kNum, kAlnum).
  int digits = 0;             // Number of leading digits.
  absl::string_view suffix;   // Letters after the digits as written (kAlnum: "er" of "1990er").
};

// Splits `text` (a slice of the document starting at byte `base`) into
// words, numbers and single punctuation characters. White space is dropped.
// The tokens' `text` views `text`, which must outlive them.
std::vector<Token> Tokenize(absl::string_view text, size_t base);
// The same, appended to `*out`.
void Tokenize(absl::string_view text, size_t base, std::vector<Token>* out);

// Case-folds UTF-8 with ICU (full case folding per code point).
std::string Fold(absl::string_view s);

class TimeLexicon {
 public:
  static absl::StatusOr<TimeLexicon> Compile(const Lexicon& lexicon);

  // Appends to `out` the entries whose first word is token `t` (those that
  // match case-sensitively only when written so); returns how many.
  size_t Lookup(const Token& t, std::vector<const Entry*>* out) const;
  // Entries of a folded word, no case check (compound parts).
  const std::vector<Entry>* LookupFolded(absl::string_view fold) const {
    return LookupFolded(fold, WordPrint(fold));
  }
  // The same with the word's WordPrint() known.
  const std::vector<Entry>* LookupFolded(absl::string_view fold, uint64_t print) const;
  // Splits a folded compound ("montagabend") into a head (month, weekday,
  // genitive unit) and a tail (part of day, part, half). False when none.
  bool SplitCompound(absl::string_view fold, const Entry** head, const Entry** tail) const;

  // "past", "future" or "present".
  std::string Tense(absl::Span<const Token> tokens) const;
  // The tense cues of a sentence: (token index, "past"|"future").
  std::vector<std::pair<size_t, std::string>> TenseCues(absl::Span<const Token> tokens) const;
  // The same in `*out` (cleared first).
  void TenseCues(absl::Span<const Token> tokens, std::vector<std::pair<size_t, std::string>>* out) const;
  // "past", "future" or "present" from the cues TenseCues() found.
  static std::string TenseOf(const std::vector<std::pair<size_t, std::string>>& cues);

 private:
  void Add(const std::string& surface, Entry e);

  WordHashMap<std::vector<Entry>> by_first_;  // Folded first word.
  KeyFilter by_first_filter_;  // Keys of by_first_.
  // Keys of by_first_ with a one-word entry that may end a compound (part
  // of day, part, half), by their last byte, longest first.
  std::array<std::vector<std::string>, 256> compound_tails_;
  // The last two bytes of those keys, one bit each (a word that ends
  // otherwise has no compound tail); `short_tail_` tells whether a key is
  // shorter.
  std::bitset<1 << 16> compound_tail_endings_;
  bool short_tail_ = false;
  WordHashMap<std::string> tense_words_;
  KeyFilter tense_words_filter_;  // Keys of tense_words_.
  std::vector<std::pair<std::string, std::string>> tense_suffixes_;
  size_t max_head_ = 0;
};

}  // namespace timex
}  // namespace claimdiff

#endif  // CLAIMDIFF_SRC_EXTRACT_TIMEX_LEXICON_H_
