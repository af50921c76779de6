// What the compare stage knows about normalized values: which titles
// conflict, which counts count the same thing, which sources speak for
// which. Read from the shared tables src/lexicon/common/compare_*.tsv.

#ifndef CLAIMDIFF_SRC_COMPARE_KNOWLEDGE_H_
#define CLAIMDIFF_SRC_COMPARE_KNOWLEDGE_H_

#include <map>
#include <string>
#include <utility>

#include "absl/strings/string_view.h"
#include "claimdiff/lexicon.h"

namespace claimdiff {

enum class TitleRelation { kUnknown, kSame, kConflict };

class CompareKnowledge {
 public:
  CompareKnowledge() = default;
  // Reads compare_titles, compare_counts and compare_sources from `common`
  // (missing tables leave the knowledge empty).
  explicit CompareKnowledge(const Lexicon& common);

  // kSame for equal titles; kUnknown for pairs no table row names.
  TitleRelation Titles(absl::string_view a, absl::string_view b) const;
  // The class a count falls into: the table's class, the count itself when
  // unlisted, "" when the count is empty or too generic to compare.
  std::string CountClass(absl::string_view counts) const;
  // The organisation `source_key` speaks for, or the key itself.
  std::string SourceGroup(absl::string_view source_key) const;

 private:
  std::map<std::pair<std::string, std::string>, TitleRelation> titles_;
  std::map<std::string, std::string, std::less<>> counts_;
  std::map<std::string, std::string, std::less<>> sources_;
};

// The knowledge from options.knowledge, or from the default lexicon root
// (loaded once; empty knowledge when that fails).
const CompareKnowledge& DefaultCompareKnowledge();

}  // namespace claimdiff

#endif  // CLAIMDIFF_SRC_COMPARE_KNOWLEDGE_H_
