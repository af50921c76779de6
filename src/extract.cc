// PLACEHOLDER extract: one empty statement per sentence. Replaced by the extraction work.
#include "claimdiff/extract.h"

namespace claimdiff {
const char* CertaintyName(Certainty c) {
  switch (c) {
    case Certainty::kAsserted: return "asserted";
    case Certainty::kConfirmed: return "confirmed";
    case Certainty::kAnnounced: return "announced";
    case Certainty::kReported: return "reported";
    case Certainty::kHedged: return "hedged";
    case Certainty::kUnconfirmed: return "unconfirmed";
    case Certainty::kDenied: return "denied";
    case Certainty::kUnclear: return "unclear";
  }
  return "asserted";
}
namespace {
class StubExtractor : public Extractor {
 public:
  Extraction Extract(const Document&, const Segmentation& seg) const override {
    Extraction ext;
    for (size_t i = 0; i < seg.sentences.size(); ++i) {
      Statement st;
      st.sentence = static_cast<int>(i);
      st.span = seg.sentences[i].span;
      ext.statements.push_back(st);
    }
    return ext;
  }
};
}  // namespace
absl::StatusOr<std::unique_ptr<Extractor>> Extractor::Create(const Lexicon&, const Lexicon&) {
  return std::unique_ptr<Extractor>(new StubExtractor());
}
}  // namespace claimdiff
