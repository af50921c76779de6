// A deliberately naive aligner for tests: scores every pair of statements of
// different documents (no inverted index, no pruning) and hands them to the
// same link selection. AlignStatements() must give the same links whenever
// its index prunes nothing (AlignOptions::max_postings not reached).

#ifndef CLAIMDIFF_TESTS_TESTING_REFERENCE_ALIGN_H_
#define CLAIMDIFF_TESTS_TESTING_REFERENCE_ALIGN_H_

#include <string>

#include "absl/types/span.h"
#include "claimdiff/align.h"

namespace claimdiff::testing {

Alignment ReferenceAlign(absl::Span<const AnalyzedDocument> docs, absl::Span<const Lexicon* const> lexicons,
                         const AlignOptions& options);

// "0:1-1:0 0:2-1:3!" : links as doc:sentence pairs, '!' = possibly a
// different event; scores left out so that the dump compares structure.
std::string DebugString(const Alignment& alignment);

}  // namespace claimdiff::testing

#endif  // CLAIMDIFF_TESTS_TESTING_REFERENCE_ALIGN_H_
