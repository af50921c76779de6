// Stage 2: segment. Splits a Document into sentences and furniture spans.
//
// ICU's sentence BreakIterator does the first cut; data-driven fix-ups for
// the language (src/lexicon/<lang>/: abbreviations, months, ...) join or
// split where ICU is wrong for news text. Paragraph breaks (a blank line)
// are never crossed. Sentences and furniture never overlap, and every
// non-space byte of the text is in exactly one of them.

#ifndef CLAIMDIFF_INCLUDE_CLAIMDIFF_SEGMENT_H_
#define CLAIMDIFF_INCLUDE_CLAIMDIFF_SEGMENT_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "claimdiff/ingest.h"
#include "claimdiff/lexicon.h"

namespace claimdiff {

struct Sentence {
  Span span;             // Trimmed: starts and ends on non-space bytes.
  int paragraph = 0;     // Index of the paragraph (blank-line separated block).
  bool headline = false; // A line without final punctuation (headline, kicker, bullet item).
};

struct Segmentation {
  std::vector<Sentence> sentences;  // Sorted by start.
  std::vector<Furniture> furniture; // Sorted by start; includes Document::furniture.
};

// A segmenter for one language. Creating one builds the ICU iterator and the
// fix-up tables (costly); Segment() is cheap and const, and safe to call from
// several threads at once.
class Segmenter {
 public:
  virtual ~Segmenter() = default;
  static absl::StatusOr<std::unique_ptr<Segmenter>> Create(const Lexicon& lexicon);
  virtual Segmentation Segment(const Document& doc) const = 0;
};

// Convenience: builds a Segmenter for `lexicon` and runs it once.
absl::StatusOr<Segmentation> SegmentDocument(const Document& doc, const Lexicon& lexicon);

}  // namespace claimdiff

#endif  // CLAIMDIFF_INCLUDE_CLAIMDIFF_SEGMENT_H_
