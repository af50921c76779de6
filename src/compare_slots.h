// Slot comparators of the compare stage: each holds one slot (time, place,
// quantity, role, participant, status, event) of two statements against
// each other and says whether the values agree, refine each other or
// contradict. They know nothing of links or events; compare.cc decides
// which results stand (a contradiction needs the same event).

#ifndef CLAIMDIFF_SRC_COMPARE_SLOTS_H_
#define CLAIMDIFF_SRC_COMPARE_SLOTS_H_

#include <optional>
#include <string>
#include <vector>

#include "claimdiff/compare.h"
#include "claimdiff/extract.h"
#include "compare_knowledge.h"

namespace claimdiff {

// One statement with the document it belongs to.
struct Side {
  int doc = 0;
  const AnalyzedDocument* analyzed = nullptr;
  const Statement* statement = nullptr;
};

// The verdict on one slot of two statements.
struct SlotResult {
  FindingKind kind = FindingKind::kAgree;
  std::string slot;
  std::vector<FindingValue> values;  // One per side, in the order a, b.
  std::string reason;
  bool update = false;
  std::string date_note;  // Finding::date_note.
};

// How a document is named in reasons: its source, else its id.
std::string DocLabel(const Side& side);
// The text of `span` in the side's document (clamped).
std::string SpanText(const Side& side, Span span);
// Event classes both statements share.
std::vector<std::string> SharedEventClasses(const Side& a, const Side& b);

// Each returns nothing when the slot cannot be compared (a side has no
// value, or the values speak about different things).
std::optional<SlotResult> CompareEvents(const Side& a, const Side& b);
std::optional<SlotResult> CompareTimes(const Side& a, const Side& b);
std::optional<SlotResult> ComparePlaces(const Side& a, const Side& b);
// One result per class of counted thing present on both sides.
std::vector<SlotResult> CompareQuantities(const Side& a, const Side& b, const CompareKnowledge& k);
// Agreement on the titles of people both statements name (conflicts are
// found per person across all statements, see compare.cc).
std::vector<SlotResult> CompareRoles(const Side& a, const Side& b, const CompareKnowledge& k);
std::optional<SlotResult> CompareParticipants(const Side& a, const Side& b);
std::optional<SlotResult> CompareCertainty(const Side& a, const Side& b);
std::optional<SlotResult> CompareAttribution(const Side& a, const Side& b, const CompareKnowledge& k);

}  // namespace claimdiff

#endif  // CLAIMDIFF_SRC_COMPARE_SLOTS_H_
