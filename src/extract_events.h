// Events: the trigger of a statement and its class from
// src/lexicon/<lang>/events.tsv ("Treffen" -> meeting, "quake" ->
// earthquake). Private to the extract stage.
//
// Triggers match on the Snowball stem, so inflections need no rows
// ("getestet", "Tests"); irregular forms ("traf", "met") are rows of their
// own. When claims.tsv sets `compound_events` to "yes" (German), a noun
// that ends in a trigger counts too ("Gipfeltreffen", "Waffentest",
// "Atomwaffen-Verhandlungen").

#ifndef CLAIMDIFF_SRC_EXTRACT_EVENTS_H_
#define CLAIMDIFF_SRC_EXTRACT_EVENTS_H_

#include <bitset>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "claimdiff/extract.h"
#include "claimdiff/lexicon.h"
#include "extract_tokens.h"

namespace claimdiff {

class EventTagger {
 public:
  static absl::StatusOr<std::unique_ptr<EventTagger>> Create(const Lexicon& lexicon, const Stemmer& stemmer);

  // Event mentions of the sentence (tokens must be stemmed); `skip[i]`
  // marks tokens already used by a name.
  std::vector<EventMention> Find(absl::string_view text, const std::vector<Token>& tokens,
                                 const std::vector<bool>& skip) const;

  // The row of the trigger at token i, or -1.
  int Lookup(const Token& token) const;
  const std::string& Class(int row) const { return rows_[static_cast<size_t>(row)].cls; }
  const std::string& Lemma(int row) const { return rows_[static_cast<size_t>(row)].lemma; }

 private:
  struct Row {
    std::string lemma;
    std::string cls;
  };
  EventTagger() = default;
  // Adds a key of exact_ or stems_ to key_endings_.
  void AddKeyEnding(absl::string_view key);
  // False when no key of exact_ or stems_ ends as `word` does: then no tail
  // of it is a trigger.
  bool MayEndInKey(absl::string_view word) const;

  PhraseTable multi_;  // Triggers of several words ("ease sanctions").
  WordMap<int> exact_;  // Folded surface -> row.
  WordMap<int> stems_;  // Stem -> row (rows whose match column is "stem").
  std::vector<Row> rows_;
  bool compounds_ = false;
  size_t min_compound_part_ = 4;  // Bytes of the trigger at the end of a compound.
  // The last two bytes of every key of two bytes or more, one bit each;
  // `short_key_` tells whether a key is shorter.
  std::bitset<1 << 16> key_endings_;
  bool short_key_ = false;
};

}  // namespace claimdiff

#endif  // CLAIMDIFF_SRC_EXTRACT_EVENTS_H_
