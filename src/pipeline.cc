#include "claimdiff/pipeline.h"

#include <map>
#include <mutex>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "status_macros.h"

namespace claimdiff {

struct Pipeline::Cache {
  std::mutex mu;
  std::map<std::string, std::unique_ptr<Segmenter>> segmenters;
  std::map<std::string, std::unique_ptr<Extractor>> extractors;
  // The gazetteer of the common tables, shared by the extractors.
  std::shared_ptr<const CompiledGazetteer> gazetteer;
  std::map<std::string, std::shared_ptr<const AlignLanguage>> align_languages;
};

Pipeline::Pipeline(PipelineOptions options)
    : options_(std::move(options)),
      lexicons_(std::make_unique<LexiconSet>(options_.lexicon_dir.empty() ? LexiconSet::DefaultRoot()
                                                                          : options_.lexicon_dir)),
      cache_(std::make_unique<Cache>()) {}

Pipeline::~Pipeline() = default;

absl::StatusOr<const Lexicon*> Pipeline::GetLexicon(const std::string& lang) const {
  return lexicons_->Get(lang);
}

absl::StatusOr<const Segmenter*> Pipeline::GetSegmenter(const std::string& lang) const {
  CLAIMDIFF_ASSIGN_OR_RETURN(const Lexicon* lexicon, lexicons_->Get(lang));
  std::lock_guard<std::mutex> lock(cache_->mu);
  auto it = cache_->segmenters.find(lang);
  if (it != cache_->segmenters.end()) return it->second.get();
  CLAIMDIFF_ASSIGN_OR_RETURN(std::unique_ptr<Segmenter> segmenter, Segmenter::Create(*lexicon));
  const Segmenter* result = segmenter.get();
  cache_->segmenters.emplace(lang, std::move(segmenter));
  return result;
}

absl::StatusOr<const Extractor*> Pipeline::GetExtractor(const std::string& lang) const {
  CLAIMDIFF_ASSIGN_OR_RETURN(const Lexicon* lexicon, lexicons_->Get(lang));
  CLAIMDIFF_ASSIGN_OR_RETURN(const Lexicon* common, lexicons_->Common());
  std::lock_guard<std::mutex> lock(cache_->mu);
  auto it = cache_->extractors.find(lang);
  if (it != cache_->extractors.end()) return it->second.get();
  if (cache_->gazetteer == nullptr) {
    CLAIMDIFF_ASSIGN_OR_RETURN(cache_->gazetteer, CompileGazetteer(*common));
  }
  CLAIMDIFF_ASSIGN_OR_RETURN(std::unique_ptr<Extractor> extractor,
                             Extractor::Create(*lexicon, cache_->gazetteer));
  const Extractor* result = extractor.get();
  cache_->extractors.emplace(lang, std::move(extractor));
  return result;
}

absl::StatusOr<Segmentation> Pipeline::Segment(const Document& doc) const {
  CLAIMDIFF_ASSIGN_OR_RETURN(const Segmenter* segmenter, GetSegmenter(doc.lang));
  return segmenter->Segment(doc);
}

absl::StatusOr<AnalyzedDocument> Pipeline::Analyze(Document doc) const {
  CLAIMDIFF_ASSIGN_OR_RETURN(const Segmenter* segmenter, GetSegmenter(doc.lang));
  CLAIMDIFF_ASSIGN_OR_RETURN(const Extractor* extractor, GetExtractor(doc.lang));
  AnalyzedDocument out;
  out.seg = segmenter->Segment(doc);
  out.ext = extractor->Extract(doc, out.seg);
  out.doc = std::move(doc);
  return out;
}

absl::StatusOr<std::vector<AnalyzedDocument>> Pipeline::AnalyzeAll(std::vector<Document> docs) const {
  std::vector<AnalyzedDocument> out;
  out.reserve(docs.size());
  for (Document& doc : docs) {
    CLAIMDIFF_ASSIGN_OR_RETURN(AnalyzedDocument analyzed, Analyze(std::move(doc)));
    out.push_back(std::move(analyzed));
  }
  return out;
}

absl::StatusOr<Alignment> Pipeline::Align(absl::Span<const AnalyzedDocument> docs) const {
  std::vector<const AlignLanguage*> languages;
  for (const AnalyzedDocument& d : docs) {
    CLAIMDIFF_ASSIGN_OR_RETURN(const Lexicon* lexicon, lexicons_->Get(d.doc.lang));
    std::lock_guard<std::mutex> lock(cache_->mu);
    auto& language = cache_->align_languages[d.doc.lang];
    if (language == nullptr) language = CompileAlignLanguage(*lexicon);
    languages.push_back(language.get());
  }
  return AlignStatements(docs, languages, options_.align);
}

absl::StatusOr<Comparison> Pipeline::Compare(absl::Span<const AnalyzedDocument> docs,
                                             const Alignment& alignment) const {
  CompareOptions options = options_.compare;
  if (options.knowledge == nullptr && !options_.lexicon_dir.empty()) {
    // A lexicon root other than the default: its shared tables decide.
    CLAIMDIFF_ASSIGN_OR_RETURN(options.knowledge, lexicons_->Common());
  }
  return CompareStatements(docs, alignment, options);
}

absl::StatusOr<ClusterResult> Pipeline::Run(Cluster cluster) const {
  ClusterResult result;
  result.id = cluster.id;
  CLAIMDIFF_ASSIGN_OR_RETURN(result.docs, AnalyzeAll(std::move(cluster.docs)));
  CLAIMDIFF_ASSIGN_OR_RETURN(result.alignment, Align(result.docs));
  CLAIMDIFF_ASSIGN_OR_RETURN(result.comparison, Compare(result.docs, result.alignment));
  return result;
}

}  // namespace claimdiff
