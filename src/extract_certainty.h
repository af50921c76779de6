// Certainty and negation cues of a sentence. Private to the extract stage.
//
// certainty.tsv rows: phrase, certainty, scope, strength, condition.
//   - certainty: asserted|confirmed|announced|reported|hedged|unconfirmed|denied|unclear
//   - scope: "sentence" (this sentence) or "previous_sentence" ("Bestätigt
//     ist das aber nicht." downgrades the sentence before it)
//   - strength: when several cues fire, the strongest decides. Konjunktiv I
//     forms ("werde", "sei") are weak, so that an explicit speech verb in the
//     same sentence ("teilte ... mit") wins; hedges ("soll", "könnte") are
//     stronger than speech verbs; denials are strongest.
//   - condition "unless_plan": see the rule for modal "soll" in
//     extract_certainty.cc.
// A phrase may have a gap, written " ... ": "teilte ... mit".
// negation.tsv rows: cue, effect ("negation", or "none" for fixed phrases
// that contain a negation word but negate nothing: "nicht nur").

#ifndef CLAIMDIFF_SRC_EXTRACT_CERTAINTY_H_
#define CLAIMDIFF_SRC_EXTRACT_CERTAINTY_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "claimdiff/extract.h"
#include "claimdiff/lexicon.h"
#include "extract_tokens.h"

namespace claimdiff {

// Parses "hedged" -> Certainty::kHedged; false for an unknown name.
bool ParseCertainty(absl::string_view name, Certainty* out);

// One cue that fired.
struct CertaintyCue {
  Certainty certainty = Certainty::kAsserted;
  int strength = 0;
  Span span;         // First part of the cue.
  std::string cue;   // As written; gap parts joined with " … ".
  bool previous = false;  // Applies to the previous sentence.
};

struct CertaintyResult {
  std::vector<CertaintyCue> cues;
  std::optional<Span> negation;
};

class CertaintyTagger {
 public:
  static absl::StatusOr<std::unique_ptr<CertaintyTagger>> Create(const Lexicon& lexicon, const Stemmer& stemmer);

  // `plan` is true when the sentence speaks of the future (a time
  // expression after the publication date, or future tense).
  CertaintyResult Find(absl::string_view text, const std::vector<Token>& tokens, bool plan) const;

 private:
  struct Row {
    Certainty certainty;
    bool previous = false;
    int strength = 0;
    bool unless_plan = false;
  };
  CertaintyTagger() = default;
  PhraseTable cues_;
  std::vector<Row> rows_;
  PhraseTable negation_;
  std::vector<bool> negation_effect_;
  WordSet perfect_auxiliaries_;
  Certainty plan_certainty_ = Certainty::kAnnounced;
};

// Text of a phrase match: parts joined with " … ".
std::string MatchText(absl::string_view text, const std::vector<Token>& tokens, const PhraseTable::Match& m);

}  // namespace claimdiff

#endif  // CLAIMDIFF_SRC_EXTRACT_CERTAINTY_H_
