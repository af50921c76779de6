// Stage 4: align. Links statements that speak about the same thing across
// the documents of a cluster, in any order, one to many.
//
// Candidates come from an inverted index over weighted terms (Snowball
// stems, compound parts, synonyms, name keys, character n-grams of names and
// numbers), so cost grows close to linearly with the number of sentences.
// Extracted parts raise or veto a link: shared participants, events, times,
// places and quantities raise it; a conflicting time or place marks the pair
// as possibly a different event.
//
// Look-alike events (two earthquakes on the same island years apart) are
// told apart at two levels: a statement pair whose times or countries
// conflict, or whose parties differ (a meeting of Putin and Kim is not one
// of Trump and Kim), is flagged, and so is any pair from two documents
// that do not share a document context (documents that are not near
// neighbours of each other by their whole text, see
// AlignOptions::context_neighbors). docs/alignment.md tells the whole way.
// Furniture (Segmentation::furniture) is never aligned.

#ifndef CLAIMDIFF_INCLUDE_CLAIMDIFF_ALIGN_H_
#define CLAIMDIFF_INCLUDE_CLAIMDIFF_ALIGN_H_

#include <memory>
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
  std::vector<std::string> reasons;  // "shared terms: treffen, kim, putin", "time: 2019-04", "place: Vladivostok", ...
  bool possibly_different_event = false;  // Similar text but conflicting time or place.
};

// The words of one statement that no other document of the cluster uses,
// by stem, compound part or synonym ("gepanzerten Sonderzug" when no source
// mentions a train). Words the extract stage stands for (participants,
// places, times, quantities, certainty and negation cues) and numbers are
// left out: their slots are compared on their own.
struct UnmatchedWords {
  int doc = 0, sentence = 0;
  std::vector<std::string> words;  // As written, in text order, each once.
  int content_words = 0;           // Words of the statement that were looked up.
};

struct Alignment {
  std::vector<Link> links;  // Sorted by (doc_a, sentence_a, doc_b, sentence_b).
  // With AlignOptions::find_unmatched_words: the statements with at least
  // one unmatched word, sorted by (doc, sentence).
  std::vector<UnmatchedWords> unmatched;
};

struct AlignOptions {
  // Links scoring below this (cosine of the weighted term vectors, 0..1)
  // are dropped. Lower finds more paraphrases and more false links.
  // Chosen on ECB+ dev and the seed pair (scripts/eval_alignment).
  double threshold = 0.08;
  // At most this many links from one statement to the statements of one
  // other document (0 = no limit). News repeats a fact in a few sentences;
  // more partners are mostly noise.
  int max_links_per_pair_of_docs = 2;
  // At most this many links chosen by one statement across all other
  // documents together, the best-scoring first (0 = no limit). Bounds the
  // links to a multiple of the statements, however many documents repeat
  // the same fact. Chosen on ECB+ dev (2: F1 0.876, 4: 0.904, 6: 0.907).
  int max_links_per_statement = 6;
  // Links scoring below this share of the statement's best link score are
  // not chosen by it (0 = off). Off by default: on ECB+ dev 0.5 costs more
  // recall than it gains in precision.
  double relative_threshold = 0;
  // Two statements that share nothing but a time ("der 23. April" and
  // "kommende Woche") are linked only from this score up: a shared week or
  // month corroborates, but alone it says little unless the statements are
  // mostly about that time, and an unrelated draft sentence of the same
  // week must stay unsupported in `check`.
  double time_alone_threshold = 0.2;
  // Hubness correction: within one other document, a statement ranks its
  // candidates by score minus hub_weight times the candidate's hubness
  // towards the statement's own document, the mean of the candidate's
  // hub_neighbors best scores with that document's statements (CSLS,
  // Conneau et al. 2018). A short statement made only of the story's
  // common ground ("Es wird das erste Treffen zwischen Putin und Kim sein.")
  // is near to every statement of the story and would otherwise be
  // everyone's partner. Scores themselves and the threshold are unchanged.
  int hub_neighbors = 3;
  double hub_weight = 0.75;
  // A second or later partner in the same document is taken only when its
  // rank (above) is at least this: it must stand out from what it shares
  // with any statement of this document. The first partner needs only the
  // threshold.
  double further_link_min_rank = 0;
  // Added to the score of two statements about the same kind of event when
  // one says a time or place is not known yet and the other gives it ("No
  // date yet for the summit" and "The summit will take place in mid-June"):
  // what a later report settles is what a fact-checker compares.
  double open_slot_bonus = 0.05;
  // Keep links flagged possibly_different_event (they are never used as
  // evidence of agreement, but reports can show them).
  bool keep_different_event = false;
  // Document context: each document's `context_neighbors` most similar
  // documents (by whole-text tf-idf cosine) are its neighbours; two
  // documents share a context when they are neighbours of each other or
  // have neighbours in common, `context_min_shared` counts in all (each
  // direction of neighbourhood counts one). Statements of documents without
  // a shared context are possibly different events. More neighbours or a
  // lower minimum links more across look-alike events.
  int context_neighbors = 3;
  int context_min_shared = 2;
  bool use_document_context = true;
  // Anchored times of two statements farther apart than this many days
  // mark the pair as possibly a different event.
  int time_conflict_days = 31;
  // A term occurring in more statements than this is searched only among
  // this many of them, those nearest the statement in cluster order (scores
  // still count the term fully; 0 = no limit). The document context search
  // skips such terms. Keeps cost near-linear on large clusters.
  int max_postings = 200;
  // Candidates of one statement scored exactly (by Dot), the best by their
  // score over the searched terms first (0 = no limit). Bounds the work per
  // statement.
  int max_candidates = 64;
  // Fill Alignment::unmatched (for `check`: details of a draft that no
  // source mentions).
  bool find_unmatched_words = false;
};

// Aligns the statements of `docs`. `lexicons[i]` is the lexicon of docs[i]'s
// language (its stopwords, synonyms, background_freq, compound_parts,
// compound_linkers and align_settings tables). Cannot fail; documents
// without sentences simply get no links.
// REQUIRES: lexicons.size() == docs.size(), no null lexicon.
// Compiles the tables on every call: for many clusters, compile each
// language once (CompileAlignLanguage) and use the overload below.
Alignment AlignStatements(absl::Span<const AnalyzedDocument> docs,
                          absl::Span<const Lexicon* const> lexicons, const AlignOptions& options);

// The align-stage knowledge of one language compiled from its lexicon
// (the tables above, folded and stemmed). Immutable: one serves every
// call and thread.
struct AlignLanguage;
std::shared_ptr<const AlignLanguage> CompileAlignLanguage(const Lexicon& lexicon);

// As above, with languages[i] the compiled language of docs[i].
// REQUIRES: languages.size() == docs.size(), no null language.
Alignment AlignStatements(absl::Span<const AnalyzedDocument> docs,
                          absl::Span<const AlignLanguage* const> languages, const AlignOptions& options);

}  // namespace claimdiff

#endif  // CLAIMDIFF_INCLUDE_CLAIMDIFF_ALIGN_H_
