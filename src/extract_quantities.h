// Quantities: numbers (digits or words) with their unit, approximation and
// what they count ("at least 10 people", "about 50 hurt", "5.9-magnitude",
// "Zehntausende Gastarbeiter", "1,5 Millionen"), and ordinals attached to
// what they count ("das erste Treffen" -> ordinal 1 counts "meeting").
// Private to the extract stage.
//
// Data (src/lexicon/<lang>/):
//   number_words.tsv      surface, kind (cardinal|multiplier|vague|ordinal), value, low, high
//   units.tsv             surface, canonical unit, position (after|before|both)
//   quantity_approx.tsv   phrase before the number, approx kind
//   quantity_counts.tsv   word, what it counts, specificity (specific|generic), position
//   locale.tsv            decimal_separator, group_separator
//   claims.tsv            about_tolerance, count_window, ordinal_digit_dot, ordinal_suffix, unit_link
//   months.tsv            a number next to a month name is a date, not a quantity
//   stopwords.tsv         function words, never taken as what a number counts
//
// Numbers inside time expressions are skipped (the caller marks them), and
// so are bare four-digit numbers that count nothing (years).

#ifndef CLAIMDIFF_SRC_EXTRACT_QUANTITIES_H_
#define CLAIMDIFF_SRC_EXTRACT_QUANTITIES_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "claimdiff/extract.h"
#include "claimdiff/lexicon.h"
#include "extract_events.h"
#include "extract_tokens.h"

namespace claimdiff {

class QuantityTagger {
 public:
  static absl::StatusOr<std::unique_ptr<QuantityTagger>> Create(const Lexicon& lexicon, const Stemmer& stemmer);

  // Quantities of the sentence; `skip[i]` marks tokens inside time
  // expressions or names. `events` names what an ordinal counts when no
  // count word is found ("erste Gipfeltreffen" -> meeting); may be null.
  std::vector<Quantity> Find(absl::string_view text, const std::vector<Token>& tokens,
                             const std::vector<bool>& skip, const EventTagger* events) const;

 private:
  struct NumberWord {
    std::string kind;  // "cardinal", "multiplier", "vague", "ordinal".
    double value = 0, low = 0, high = 0;
  };
  struct Unit {
    std::string canonical;
    bool after = true, before = false;
  };
  struct Count {
    std::string counts;
    bool generic = false;
    bool after = true, before = false;
  };
  QuantityTagger() = default;
  const Count* CountAt(const Token& t) const;
  // The counted noun among the words from j on: in languages that
  // capitalize nouns the last capitalized word of the noun phrase ("drei
  // neue Waffen"), else the first with a plural suffix ("four loud pops");
  // j when neither is found.
  size_t CountHead(const std::vector<Token>& tokens, size_t j, const std::vector<bool>& skip) const;
  const Unit* UnitAt(const Token& t, bool after) const;

  char decimal_ = '.';
  char group_ = ',';
  double about_tolerance_ = 0.1;
  size_t count_window_ = 4;
  bool count_head_capitalized_ = false;          // claims.tsv count_head.
  std::vector<std::string> count_head_suffixes_;  // claims.tsv count_head_suffix.
  bool ordinal_digit_dot_ = false;
  WordSet ordinal_suffixes_;
  PhraseTable number_words_;
  std::vector<NumberWord> number_rows_;
  PhraseTable approx_;
  std::vector<std::string> approx_rows_;
  WordMap<Unit> units_;
  WordMap<Count> counts_exact_;
  WordMap<Count> counts_stem_;
  WordSet months_;
  WordSet unit_links_;  // "magnitude of 6.1".
  WordSet group_links_;   // "and" of "two women and a man".
  WordSet group_starts_;  // "a" of "two women and a man" (numbers count too).
  WordSet stopwords_;   // Never what a number counts (stopwords.tsv).
};

}  // namespace claimdiff

#endif  // CLAIMDIFF_SRC_EXTRACT_QUANTITIES_H_
