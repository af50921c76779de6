// Attribution: who says a statement ("teilte der Kreml am Donnerstag in
// Moskau mit", "Südkoreanischen Medien zufolge", "according to reports"),
// when (a day-precise time expression in the same clause) and where (a place
// the place matcher marked as the speaker's). Private to the extract stage.
//
// attribution.tsv rows: cue, source position, certainty for an official
// source, certainty for any other source, strength.
//   - source position: "before" (the source ends right before the cue:
//     "dem Kreml zufolge"), "after" ("according to reports", "laut KCNA"),
//     "near" (the nearest participant in the cue's clause, either side:
//     "teilte der Kreml ... mit", "Russische Medien berichteten"),
//     "previous" (the source of the previous sentence: "wurden ... genannt").
//   - official sources are organisations of kind "official" and people with
//     a title; the Kremlin's "said" is an announcement, a newspaper's a report.

#ifndef CLAIMDIFF_SRC_EXTRACT_ATTRIBUTION_H_
#define CLAIMDIFF_SRC_EXTRACT_ATTRIBUTION_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "claimdiff/extract.h"
#include "claimdiff/lexicon.h"
#include "extract_certainty.h"
#include "extract_participants.h"
#include "extract_tokens.h"

namespace claimdiff {

struct AttributionResult {
  std::vector<Attribution> attributions;
  std::vector<CertaintyCue> cues;
};

class AttributionTagger {
 public:
  static absl::StatusOr<std::unique_ptr<AttributionTagger>> Create(const Lexicon& lexicon);

  // `timex` are the sentence's time expressions, `places` its places,
  // `previous` the attributions of the previous sentence, `published` the
  // publication date (a source cannot have spoken after it).
  AttributionResult Find(absl::string_view text, const std::vector<Token>& tokens,
                         const std::vector<FoundParticipant>& participants, absl::Span<const Timex* const> timex,
                         const std::vector<Place>& places, const std::vector<Attribution>& previous,
                         const std::optional<absl::CivilDay>& published) const;

 private:
  enum class Position { kBefore, kAfter, kNear, kPrevious };
  struct Row {
    Position position;
    Certainty official;
    Certainty other;
    int strength = 0;
  };
  AttributionTagger() = default;
  PhraseTable cues_;
  std::vector<Row> rows_;
  size_t max_distance_ = 3;
  bool near_prefers_after_ = true;  // claims.tsv near_tie: which side wins a tie.  // Tokens between a "before"/"after" cue and its source.
};

}  // namespace claimdiff

#endif  // CLAIMDIFF_SRC_EXTRACT_ATTRIBUTION_H_
