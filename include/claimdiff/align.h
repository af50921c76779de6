// Stage 4: align. Links statements that speak about the same thing across
// the documents of a cluster, in any order, one to many.
//
// Candidates come from an inverted index over weighted terms (Snowball
// stems, compound parts, synonyms, name keys, character n-grams of names and
// numbers), so cost grows close to linearly with the number of sentences.
// Extracted parts raise or veto a link: shared participants, events, times,
// places and quantities raise it; a conflicting time or place marks the pair
// as possibly a different event.

#ifndef CLAIMDIFF_INCLUDE_CLAIMDIFF_ALIGN_H_
#define CLAIMDIFF_INCLUDE_CLAIMDIFF_ALIGN_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "claimdiff/extract.h"
#include "claimdiff/lexicon.h"

namespace claimdiff {

struct Link {
  int doc_a = 0, sentence_a = 0;  // doc index in the cluster, sentence index in that doc.
  int doc_b = 0, sentence_b = 0;  // doc_a < doc_b.
  double score = 0;
  std::vector<std::string> reasons;  // "terms: treffen, kim, putin", "time: 2019-04", "place: Vladivostok", ...
  bool possibly_different_event = false;  // Similar text but conflicting time or place.
};

struct Alignment {
  std::vector<Link> links;  // Sorted by (doc_a, sentence_a, doc_b, sentence_b).
};

struct AlignOptions {
  // Links scoring below this are dropped. Tuned on ECB+ dev and the seeds.
  double threshold = 0.3;
  // At most this many links from one statement to the statements of one
  // other document (0 = no limit).
  int max_links_per_pair_of_docs = 3;
  // Keep links flagged possibly_different_event (they are never used as
  // evidence of agreement, but reports can show them).
  bool keep_different_event = false;
};

// `lexicons[i]` is the lexicon of docs[i]'s language.
Alignment AlignStatements(absl::Span<const AnalyzedDocument> docs,
                          absl::Span<const Lexicon* const> lexicons, const AlignOptions& options);

}  // namespace claimdiff

#endif  // CLAIMDIFF_INCLUDE_CLAIMDIFF_ALIGN_H_
