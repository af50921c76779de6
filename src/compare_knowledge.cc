#include "compare_knowledge.h"

#include <memory>

namespace claimdiff {

CompareKnowledge::CompareKnowledge(const Lexicon& common) {
  for (const LexiconRow& row : common.Table("compare_titles").rows) {
    const std::string& rel = row.Field(2);
    TitleRelation r = rel == "conflict" ? TitleRelation::kConflict
                      : rel == "same"   ? TitleRelation::kSame
                                        : TitleRelation::kUnknown;
    if (r == TitleRelation::kUnknown || row.Field(1).empty()) continue;
    titles_[{row.Field(0), row.Field(1)}] = r;
    titles_[{row.Field(1), row.Field(0)}] = r;
  }
  for (const LexiconRow& row : common.Table("compare_counts").rows) {
    counts_[row.Field(0)] = row.Field(1).empty() ? row.Field(0) : row.Field(1);
  }
  for (const LexiconRow& row : common.Table("compare_sources").rows) {
    if (!row.Field(1).empty()) sources_[row.Field(0)] = row.Field(1);
  }
}

TitleRelation CompareKnowledge::Titles(absl::string_view a, absl::string_view b) const {
  if (a == b) return TitleRelation::kSame;
  auto it = titles_.find({std::string(a), std::string(b)});
  return it == titles_.end() ? TitleRelation::kUnknown : it->second;
}

std::string CompareKnowledge::CountClass(absl::string_view counts) const {
  if (counts.empty()) return "";
  auto it = counts_.find(counts);
  if (it == counts_.end()) return std::string(counts);
  return it->second == "-" ? "" : it->second;
}

std::string CompareKnowledge::SourceGroup(absl::string_view source_key) const {
  auto it = sources_.find(source_key);
  return it == sources_.end() ? std::string(source_key) : it->second;
}

const CompareKnowledge& DefaultCompareKnowledge() {
  static const CompareKnowledge* knowledge = [] {
    LexiconSet set(LexiconSet::DefaultRoot());
    absl::StatusOr<const Lexicon*> common = set.Common();
    return common.ok() ? new CompareKnowledge(**common) : new CompareKnowledge();
  }();
  return *knowledge;
}

}  // namespace claimdiff
