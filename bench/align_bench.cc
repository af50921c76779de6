// AlignStatements on generated clusters of 10, 100 and 1,000 documents
// (20 statements each, words drawn from a Zipf-like vocabulary of 20,000
// made-up words, a few shared "event" words per group of 10 documents), to
// show that the inverted index keeps cost close to linear in the number of
// statements. Only the align stage runs: documents are built in memory.

#include <random>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "absl/strings/str_cat.h"
#include "claimdiff/align.h"
#include "claimdiff/lexicon.h"

namespace claimdiff {
namespace {

std::vector<AnalyzedDocument> GeneratedCluster(int num_docs) {
  std::mt19937 rng(4711);
  const int kVocabulary = 20000;
  // Zipf-like: word rank r drawn with probability ~ 1/r.
  std::vector<double> weights(kVocabulary);
  for (int r = 0; r < kVocabulary; ++r) weights[static_cast<size_t>(r)] = 1.0 / (r + 1);
  std::discrete_distribution<int> word(weights.begin(), weights.end());
  std::vector<AnalyzedDocument> docs;
  for (int d = 0; d < num_docs; ++d) {
    AnalyzedDocument doc;
    doc.doc.id = absl::StrCat("g", d);
    doc.doc.lang = "de";
    for (int s = 0; s < 20; ++s) {
      const size_t start = doc.doc.text.size();
      // Event words shared by the documents of one group of ten.
      absl::StrAppend(&doc.doc.text, "Ereignis", d / 10, "x", s % 5, " ");
      for (int w = 0; w < 12; ++w) absl::StrAppend(&doc.doc.text, "wort", word(rng), " ");
      absl::StrAppend(&doc.doc.text, rng() % 1000, ".");
      Sentence sentence;
      sentence.span = Span{start, doc.doc.text.size()};
      doc.seg.sentences.push_back(sentence);
      absl::StrAppend(&doc.doc.text, "\n");
    }
    docs.push_back(std::move(doc));
  }
  return docs;
}

void BM_AlignStatements(benchmark::State& state) {
  static const Lexicon* lexicon = [] {
    auto loaded = LoadLexicon(absl::StrCat(CLAIMDIFF_LEXICON_DIR, "/de"), "de");
    return new Lexicon(loaded.ok() ? *std::move(loaded) : Lexicon());
  }();
  const std::vector<AnalyzedDocument> docs = GeneratedCluster(static_cast<int>(state.range(0)));
  const std::vector<const Lexicon*> lexicons(docs.size(), lexicon);
  size_t links = 0;
  for (auto _ : state) {
    Alignment alignment = AlignStatements(docs, lexicons, AlignOptions());
    links = alignment.links.size();
    benchmark::DoNotOptimize(alignment);
  }
  state.counters["statements"] = static_cast<double>(docs.size() * 20);
  state.counters["links"] = static_cast<double>(links);
  state.counters["us_per_statement"] = benchmark::Counter(
      static_cast<double>(docs.size() * 20), benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_AlignStatements)->Arg(10)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace claimdiff
