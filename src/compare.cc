// PLACEHOLDER compare: no findings. Replaced by the comparison work.
#include "claimdiff/compare.h"

namespace claimdiff {
const char* FindingKindName(FindingKind k) {
  switch (k) {
    case FindingKind::kAgree: return "agree";
    case FindingKind::kRefine: return "refine";
    case FindingKind::kContradict: return "contradict";
    case FindingKind::kCertaintyDiffers: return "certainty_differs";
    case FindingKind::kAttributionDiffers: return "attribution_differs";
    case FindingKind::kOnlyIn: return "only_in";
  }
  return "agree";
}
Comparison CompareStatements(absl::Span<const AnalyzedDocument>, const Alignment&, const CompareOptions&) {
  return {};
}
}  // namespace claimdiff
