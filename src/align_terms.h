// Terms of a statement for the align stage: what two statements must share
// to be linked. Private to the align stage.
//
// A sentence becomes weighted terms of several kinds: Snowball stems of its
// words, stems of the parts of German compounds ("Gipfeltreffen" gives
// "gipfel" and "treff"), synonym groups from synonyms.tsv, character
// trigrams of rare name-like words ("Wladiwostok" ~ "Vladivostok"), and
// numbers with their separators removed. The extract stage adds
// participants (by name key), places, times, events and quantities.
//
// All the words live in src/lexicon/<lang>/: stopwords.tsv, synonyms.tsv,
// background_freq.tsv, compound_parts.tsv, compound_linkers.tsv and
// align_settings.tsv (Snowball algorithm name).

#ifndef CLAIMDIFF_SRC_ALIGN_TERMS_H_
#define CLAIMDIFF_SRC_ALIGN_TERMS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/string_view.h"
#include "claimdiff/lexicon.h"

namespace claimdiff::align_internal {

enum class TermKind : uint8_t {
  kStem,          // Snowball stem of a word.
  kCompoundPart,  // Stem of a part of a compound word.
  kSynonym,       // Synonym group of synonyms.tsv.
  kNgram,         // Character trigram of a rare word (names, transliterations).
  kNumber,        // A number without separators ("120000", "6.1").
  kParticipant,   // Participant key from the extract stage.
  kPlace,         // Place id from the extract stage.
  kTime,          // Month of an anchored time from the extract stage.
  kEvent,         // Event class from the extract stage.
  kQuantity,      // Quantity (value and unit) from the extract stage.
  kCertainty,     // An open status (unconfirmed, unclear, denied) from the extract stage.
};

// "shared terms", "participants", ... : the reason label of a kind.
const char* TermKindLabel(TermKind kind);

// One term occurrence in a statement.
struct TermOccurrence {
  std::string key;      // Unique across kinds: "s:treff", "p:vladimir putin".
  TermKind kind = TermKind::kStem;
  std::string display;  // What a reason shows: the word as folded, the name.
  double weight = 1.0;  // Kind weight (before tf-idf).
};

// A word of a sentence: a run of letters or digits, case-folded.
struct Word {
  std::string folded;
  bool number = false;  // Digits (with inner '.' or ',').
  bool upper = false;   // Starts with an upper-case letter.
  size_t start = 0;     // Byte offsets in the text that was split.
  size_t end = 0;
};

// Splits UTF-8 text into words; hyphens and other punctuation separate
// words ("Jong-un" -> "jong", "un"), except '.' and ',' between digits.
std::vector<Word> SplitWords(absl::string_view text);

// The align-stage knowledge of one language, compiled from its lexicon
// once (tens of thousands of table rows, folded and stemmed): immutable,
// so one LanguageTerms serves every call and thread. Stemming sentence
// words needs a SnowballStemmer of stemmer_algorithm().
class LanguageTerms {
 public:
  explicit LanguageTerms(const Lexicon& lexicon);
  LanguageTerms(const LanguageTerms&) = delete;
  LanguageTerms& operator=(const LanguageTerms&) = delete;

  const std::string& stemmer_algorithm() const { return stemmer_algorithm_; }
  bool IsStopword(absl::string_view folded) const { return stopwords_.contains(folded); }
  // Background document frequency of a stem in [0, 1]; 0 when unknown.
  double BackgroundShare(absl::string_view stem) const;
  bool HasBackground() const { return background_documents_ > 0; }
  // Synonym group ids of a stem (empty when none).
  const std::vector<int>* SynonymGroups(absl::string_view stem) const;
  // Splits a compound into parts that are known words (from
  // compound_parts.tsv or `vocabulary`), modifiers first; empty when the
  // word is not split. Parts are at least `min_part` characters.
  std::vector<std::string> SplitCompound(absl::string_view folded,
                                         const absl::flat_hash_set<std::string>& vocabulary) const;
  // True when `folded` is listed in compound_parts.tsv (a common word).
  bool IsKnownWord(absl::string_view folded) const { return compound_parts_.contains(folded); }
  bool splits_compounds() const { return compound_min_length_ > 0; }
  // Only capitalized words are split (German nouns; align_settings:
  // compound_capitalized).
  bool compounds_capitalized() const { return compounds_capitalized_; }
  // Words of at least this many characters may match by trigrams (0 = never).
  size_t ngram_min_length() const { return ngram_min_length_; }
  // Whether the people taking part tell two events of this class apart (a
  // meeting of Putin and Kim is not one of Trump and Kim).
  bool IsPartyEvent(absl::string_view cls) const { return party_events_.contains(cls); }
  // The broader classes an event of class `cls` also counts as (a visit is
  // a meeting); empty when none.
  const std::vector<std::string>& BroaderEvents(absl::string_view cls) const;

 private:
  bool KnownPart(absl::string_view part, const absl::flat_hash_set<std::string>& vocabulary) const;
  void SplitInto(absl::string_view folded, const absl::flat_hash_set<std::string>& vocabulary, int depth,
                 std::vector<std::string>* out) const;

  std::string stemmer_algorithm_;
  absl::flat_hash_set<std::string> stopwords_;
  absl::flat_hash_map<std::string, std::vector<int>> synonyms_;  // stem -> groups
  absl::flat_hash_map<std::string, double> background_;           // stem -> document frequency
  double background_documents_ = 0;
  absl::flat_hash_set<std::string> compound_parts_;
  std::vector<std::string> linkers_;  // Linking elements ("s", "es", "n").
  size_t compound_min_length_ = 0;    // Characters; 0 = no splitting.
  size_t compound_min_part_ = 3;
  size_t ngram_min_length_ = 5;
  bool compounds_capitalized_ = false;
  absl::flat_hash_set<std::string> party_events_;
  absl::flat_hash_map<std::string, std::vector<std::string>> broader_events_;
};

// Number of code points of UTF-8 text.
size_t CodePoints(absl::string_view s);

// Character trigrams of `folded` with boundary marks ("^wl", ..., "ok$").
std::vector<std::string> Trigrams(absl::string_view folded);

}  // namespace claimdiff::align_internal

#endif  // CLAIMDIFF_SRC_ALIGN_TERMS_H_
