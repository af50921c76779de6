// The align stage in two halves, so that tests can check the indexed
// candidate search against a naive all-pairs one (tests/testing/
// reference_align.h): PrepareCluster() turns documents into weighted term
// vectors and document contexts; SelectLinks() turns scored candidate pairs
// into links with reasons. Private to the align stage and its tests.

#ifndef CLAIMDIFF_SRC_ALIGN_INTERNAL_H_
#define CLAIMDIFF_SRC_ALIGN_INTERNAL_H_

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/types/span.h"
#include "align_terms.h"
#include "claimdiff/align.h"

namespace claimdiff::align_internal {

// Sparse vector: (term id, weight), sorted by term id, L2-normalized.
using TermVector = std::vector<std::pair<int, double>>;

struct DayInterval {
  absl::CivilDay first;
  absl::CivilDay last;
  std::string value;  // TIMEX3 value, for reasons.
};

// A word of a statement and the terms it gave (stem, compound parts,
// synonyms).
struct WordTerms {
  std::string written;
  std::vector<int> terms;
  bool detail = false;  // Outside everything the extract stage found.
};

// One statement that may be aligned (not furniture, not empty).
struct PreparedSentence {
  int doc = 0;
  int sentence = 0;   // Index into the document's Segmentation::sentences.
  TermVector vector;
  std::vector<DayInterval> times;      // Anchored event times.
  std::vector<std::string> countries;  // Country ids of event places.
  // Keys of the people taking part, sorted, when the statement speaks of
  // an event that its parties tell apart (LanguageTerms::IsPartyEvent).
  std::vector<std::string> parties;
  std::vector<std::string> events;  // Event classes, sorted.
  // Says that something is not known or not so ("Ort und Zeit gab er noch
  // nicht preis", "No date yet"): negated or unclear.
  bool open = false;
  // Only with AlignOptions::find_unmatched_words: the words that are no
  // stopword or number.
  std::vector<WordTerms> words;
};

struct PreparedCluster {
  int num_docs = 0;
  std::vector<PreparedSentence> sentences;  // Sorted by (doc, sentence).
  std::vector<std::string> term_display;    // By term id.
  std::vector<TermKind> term_kind;          // By term id.
  // neighbors[d]: the documents nearest to d by whole text, sorted.
  std::vector<std::vector<int>> neighbors;
};

// languages[i] is the compiled language of docs[i].
PreparedCluster PrepareCluster(absl::Span<const AnalyzedDocument> docs,
                               absl::Span<const LanguageTerms* const> languages, const AlignOptions& options);

// Calls f(term, weight in a, weight in b) for each term of both sorted
// vectors, in term order.
template <typename F>
void ForEachShared(const TermVector& a, const TermVector& b, F&& f) {
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].first < b[j].first) {
      ++i;
    } else if (b[j].first < a[i].first) {
      ++j;
    } else {
      f(a[i].first, a[i].second, b[j].second);
      ++i;
      ++j;
    }
  }
}

// The statements' words that no other document uses (see UnmatchedWords).
std::vector<UnmatchedWords> FindUnmatchedWords(const PreparedCluster& cluster);

// Dot product of two sorted sparse vectors.
double Dot(const TermVector& a, const TermVector& b);

// True when documents a and b share a document context (see AlignOptions).
bool SameContext(const PreparedCluster& cluster, int doc_a, int doc_b, const AlignOptions& options);

// A scored candidate: statement index (into PreparedCluster::sentences)
// and the exact Dot() score.
struct Candidate {
  int other = 0;
  double score = 0;
};

// candidates[x]: every statement y of another document with Dot(x, y) > 0
// that the search found (any order). Picks each statement's best partners
// per other document, applies the conflict checks and writes reasons.
Alignment SelectLinks(const PreparedCluster& cluster, const std::vector<std::vector<Candidate>>& candidates,
                      const AlignOptions& options);

}  // namespace claimdiff::align_internal

namespace claimdiff {

struct AlignLanguage {
  explicit AlignLanguage(const Lexicon& lexicon) : terms(lexicon) {}
  align_internal::LanguageTerms terms;
};

}  // namespace claimdiff

#endif  // CLAIMDIFF_SRC_ALIGN_INTERNAL_H_
