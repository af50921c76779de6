// The façade that chains the stages: the CLI, the batch driver and the golden
// tests call this, stages never call each other.

#ifndef CLAIMDIFF_INCLUDE_CLAIMDIFF_PIPELINE_H_
#define CLAIMDIFF_INCLUDE_CLAIMDIFF_PIPELINE_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "claimdiff/align.h"
#include "claimdiff/compare.h"
#include "claimdiff/extract.h"
#include "claimdiff/ingest.h"
#include "claimdiff/lexicon.h"
#include "claimdiff/segment.h"

namespace claimdiff {

struct PipelineOptions {
  std::string lexicon_dir;  // "" = LexiconSet::DefaultRoot().
  AlignOptions align;
  CompareOptions compare;
};

struct ClusterResult {
  std::string id;
  std::vector<AnalyzedDocument> docs;
  Alignment alignment;
  Comparison comparison;
};

// Holds the lexicons and the per-language segmenters and extractors, built
// on first use. All methods are thread-safe.
class Pipeline {
 public:
  explicit Pipeline(PipelineOptions options);
  ~Pipeline();

  const PipelineOptions& options() const { return options_; }
  const LexiconSet& lexicons() const { return *lexicons_; }

  // The lexicon of `lang`; NotFound for an unknown language.
  absl::StatusOr<const Lexicon*> GetLexicon(const std::string& lang) const;
  absl::StatusOr<const Segmenter*> GetSegmenter(const std::string& lang) const;
  absl::StatusOr<const Extractor*> GetExtractor(const std::string& lang) const;

  absl::StatusOr<Segmentation> Segment(const Document& doc) const;
  absl::StatusOr<AnalyzedDocument> Analyze(Document doc) const;
  absl::StatusOr<std::vector<AnalyzedDocument>> AnalyzeAll(std::vector<Document> docs) const;
  absl::StatusOr<Alignment> Align(absl::Span<const AnalyzedDocument> docs) const;
  // Compares with the comparison knowledge of this pipeline's lexicon root.
  absl::StatusOr<Comparison> Compare(absl::Span<const AnalyzedDocument> docs, const Alignment& alignment) const;
  // Analyze, align and compare.
  absl::StatusOr<ClusterResult> Run(Cluster cluster) const;

 private:
  struct Cache;
  PipelineOptions options_;
  std::unique_ptr<LexiconSet> lexicons_;
  std::unique_ptr<Cache> cache_;
};

}  // namespace claimdiff

#endif  // CLAIMDIFF_INCLUDE_CLAIMDIFF_PIPELINE_H_
