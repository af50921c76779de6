// PLACEHOLDER segment: lines as sentences. Replaced by the segmentation work.
#include "claimdiff/segment.h"

namespace claimdiff {
namespace {
class LineSegmenter : public Segmenter {
 public:
  Segmentation Segment(const Document& doc) const override {
    Segmentation seg;
    size_t i = 0;
    const std::string& t = doc.text;
    while (i < t.size()) {
      size_t e = t.find('\n', i);
      if (e == std::string::npos) e = t.size();
      size_t s = i, f = e;
      while (s < f && isspace(static_cast<unsigned char>(t[s]))) ++s;
      while (f > s && isspace(static_cast<unsigned char>(t[f - 1]))) --f;
      if (f > s) seg.sentences.push_back({{s, f}, 0, false});
      i = e + 1;
    }
    return seg;
  }
};
}  // namespace

absl::StatusOr<std::unique_ptr<Segmenter>> Segmenter::Create(const Lexicon&) {
  return std::unique_ptr<Segmenter>(new LineSegmenter());
}

absl::StatusOr<Segmentation> SegmentDocument(const Document& doc, const Lexicon& lexicon) {
  auto s = Segmenter::Create(lexicon);
  if (!s.ok()) return s.status();
  return (*s)->Segment(doc);
}
}  // namespace claimdiff
