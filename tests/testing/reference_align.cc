#include "testing/reference_align.h"

#include <memory>
#include <vector>

#include "absl/strings/str_cat.h"
#include "align_internal.h"

namespace claimdiff::testing {

Alignment ReferenceAlign(absl::Span<const AnalyzedDocument> docs, absl::Span<const Lexicon* const> lexicons,
                         const AlignOptions& options) {
  std::vector<std::unique_ptr<align_internal::LanguageTerms>> compiled;
  std::vector<const align_internal::LanguageTerms*> languages;
  for (const Lexicon* lexicon : lexicons) {
    compiled.push_back(std::make_unique<align_internal::LanguageTerms>(*lexicon));
    languages.push_back(compiled.back().get());
  }
  const align_internal::PreparedCluster cluster = align_internal::PrepareCluster(docs, languages, options);
  const size_t n = cluster.sentences.size();
  std::vector<std::vector<align_internal::Candidate>> candidates(n);
  for (size_t x = 0; x < n; ++x) {
    for (size_t y = 0; y < n; ++y) {
      if (cluster.sentences[x].doc == cluster.sentences[y].doc) continue;
      const double score = align_internal::Dot(cluster.sentences[x].vector, cluster.sentences[y].vector);
      if (score > 0) candidates[x].push_back({static_cast<int>(y), score});
    }
  }
  return align_internal::SelectLinks(cluster, candidates, options);
}

std::string DebugString(const Alignment& alignment) {
  std::string out;
  for (const Link& link : alignment.links) {
    absl::StrAppend(&out, out.empty() ? "" : " ", link.doc_a, ":", link.sentence_a, "-", link.doc_b, ":",
                    link.sentence_b, link.possibly_different_event ? "!" : "");
  }
  return out;
}

}  // namespace claimdiff::testing
