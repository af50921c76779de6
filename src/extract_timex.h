// Time expressions: finds TIMEX3 expressions in a document's sentences and
// normalizes them against the publication date. Private to the extract
// stage; extract.cc calls it.

#ifndef CLAIMDIFF_SRC_EXTRACT_TIMEX_H_
#define CLAIMDIFF_SRC_EXTRACT_TIMEX_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "claimdiff/extract.h"
#include "claimdiff/lexicon.h"

namespace claimdiff {

class TimexTagger {
 public:
  virtual ~TimexTagger() = default;
  // Compiles the time tables of `lexicon` (months, weekdays, ...).
  static absl::StatusOr<std::unique_ptr<TimexTagger>> Create(const Lexicon& lexicon);
  // All time expressions of `doc`, sorted by start, each with its sentence
  // index. Furniture is skipped. Thread-safe.
  virtual std::vector<Timex> Tag(const Document& doc, const Segmentation& seg) const = 0;
  // The same, and the tense of every sentence (as Tense() would give it) in
  // `tenses`, one per sentence of `seg`: the sentences are tokenized once.
  virtual std::vector<Timex> Tag(const Document& doc, const Segmentation& seg,
                                 std::vector<std::string>* tenses) const = 0;
  // The tense of a sentence ("past", "present", "future", ""), from the
  // lexicon's tense cues; used to resolve weekdays and for statements.
  virtual std::string Tense(absl::string_view sentence) const = 0;
};

}  // namespace claimdiff

#endif  // CLAIMDIFF_SRC_EXTRACT_TIMEX_H_
