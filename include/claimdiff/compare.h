// Stage 5: compare. Holds aligned statements against each other slot by slot
// and per event across all documents, and says where they agree, refine
// each other, contradict, differ in certainty or attribution, or where only
// one source has a claim.

#ifndef CLAIMDIFF_INCLUDE_CLAIMDIFF_COMPARE_H_
#define CLAIMDIFF_INCLUDE_CLAIMDIFF_COMPARE_H_

#include <string>
#include <vector>

#include "absl/types/span.h"
#include "claimdiff/align.h"
#include "claimdiff/extract.h"
#include "claimdiff/lexicon.h"

namespace claimdiff {

enum class FindingKind {
  kAgree,
  kRefine,
  kContradict,
  kCertaintyDiffers,
  kAttributionDiffers,
  kOnlyIn,
};
const char* FindingKindName(FindingKind k);  // "agree", "refine", "contradict", "certainty_differs", ...

// One side's value of a finding.
struct FindingValue {
  int doc = 0;
  int sentence = -1;
  Span span;               // The value as written (or the sentence, for only_in).
  std::string written;     // "der 23. oder 24. April"
  std::string normalized;  // "2019-04-23|2019-04-24"
};

struct Evidence {
  int doc = 0;
  Span span;  // A sentence.
};

// One verdict. What each slot holds:
//   time      values are the event's times (the day a source spoke is left
//             out); normalized is the TIMEX3 value, alternatives joined by
//             "|" ("2019-04-23|2019-04-24"), " MOD" appended when modified;
//   place     event places only (not where a source spoke); normalized is
//             the gazetteer id;
//   quantity  normalized is "[approx ]value[ unit][ counts]"; only numbers
//             counting the same class of thing (compare_counts.tsv) meet;
//   role      a person's title; contradictions are per person over all
//             statements of all documents (link -1), one value per mention;
//   participant  the participant keys, joined by "|";
//   status    certainty (certainty_differs, or agree when both are firm and
//             not plain assertions, or both unestablished) and attribution
//             (attribution_differs / agree; normalized is the source key);
//   event     the shared event class (agree only);
//   statement only_in: one value, the sentence, normalized = event classes.
// A side that says the value is not known yet has normalized "unknown"
// (the "update" case). `values` are in document order of the link; evidence
// holds the sentences, sorted by (doc, start).
struct Finding {
  FindingKind kind = FindingKind::kAgree;
  std::string slot;  // "time", "place", "quantity", "participant", "role", "status", "event", "statement".
  std::vector<FindingValue> values;
  std::vector<Evidence> evidence;
  std::string reason;      // One line, in English.
  // Why the difference may be an update ("said on 2019-04-16 and
  // 2019-04-18, the later may update the earlier"), the end of `reason`;
  // "" when it is none.
  std::string date_note;
  bool update = false;     // The difference is explained by the statements' dates.
  int link = -1;           // Index into Alignment::links, or -1 (per-event or only_in findings).
};

struct Comparison {
  // Sorted by (first evidence doc and start, last evidence doc and start,
  // slot in the order above, kind, values): deterministic, independent of
  // the order of the links.
  std::vector<Finding> findings;
};

struct CompareOptions {
  // Report agreements too (they are the bulk of findings).
  bool include_agree = true;
  // The shared tables comparison needs (src/lexicon/common/compare_*.tsv:
  // which titles conflict, which counts count the same thing, which sources
  // speak for which). nullptr = loaded once from LexiconSet::DefaultRoot();
  // when that fails, titles never conflict and counts match only when equal.
  const Lexicon* knowledge = nullptr;
};

Comparison CompareStatements(absl::Span<const AnalyzedDocument> docs, const Alignment& alignment,
                             const CompareOptions& options);

}  // namespace claimdiff

#endif  // CLAIMDIFF_INCLUDE_CLAIMDIFF_COMPARE_H_
