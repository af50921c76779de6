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

struct Finding {
  FindingKind kind = FindingKind::kAgree;
  std::string slot;  // "time", "place", "quantity", "participant", "role", "status", "event", "statement".
  std::vector<FindingValue> values;
  std::vector<Evidence> evidence;
  std::string reason;      // One line, in English.
  bool update = false;     // The difference is explained by the statements' dates.
  int link = -1;           // Index into Alignment::links, or -1 (per-event or only_in findings).
};

struct Comparison {
  std::vector<Finding> findings;  // Stable, deterministic order.
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
