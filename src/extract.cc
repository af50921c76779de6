// Extract stage: runs the part taggers over each sentence and assembles
// Statements. (Time expressions only so far; the other parts come with the
// claims work.)
#include "claimdiff/extract.h"

#include "extract_timex.h"

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

class ExtractorImpl : public Extractor {
 public:
  explicit ExtractorImpl(std::unique_ptr<TimexTagger> timex) : timex_(std::move(timex)) {}

  Extraction Extract(const Document& doc, const Segmentation& seg) const override {
    Extraction ext;
    ext.timex = timex_->Tag(doc, seg);
    for (size_t i = 0; i < seg.sentences.size(); ++i) {
      Statement st;
      st.sentence = static_cast<int>(i);
      st.span = seg.sentences[i].span;
      st.tense = timex_->Tense(absl::string_view(doc.text).substr(st.span.start, st.span.size()));
      st.said_on = doc.published;
      ext.statements.push_back(std::move(st));
    }
    for (size_t t = 0; t < ext.timex.size(); ++t) {
      int s = ext.timex[t].sentence;
      if (s >= 0 && s < static_cast<int>(ext.statements.size())) {
        ext.statements[s].times.push_back(static_cast<int>(t));
      }
    }
    return ext;
  }

 private:
  std::unique_ptr<TimexTagger> timex_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<Extractor>> Extractor::Create(const Lexicon& lexicon, const Lexicon&) {
  auto timex = TimexTagger::Create(lexicon);
  if (!timex.ok()) return timex.status();
  return std::unique_ptr<Extractor>(new ExtractorImpl(*std::move(timex)));
}

}  // namespace claimdiff
