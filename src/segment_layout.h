// Private: the line layout of a document and the page furniture found in it
// (photo credits, captions, navigation, teasers for other articles,
// repeated lines). What counts as furniture comes from
// src/lexicon/<lang>/furniture.tsv; this file knows only the kinds of rows.

#ifndef CLAIMDIFF_SRC_SEGMENT_LAYOUT_H_
#define CLAIMDIFF_SRC_SEGMENT_LAYOUT_H_

#include <bitset>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include <unicode/regex.h>

#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "claimdiff/ingest.h"
#include "claimdiff/lexicon.h"

namespace claimdiff::segment_internal {

struct Line {
  size_t start = 0;       // First byte of the line.
  size_t end = 0;         // Before the line break ("\n", "\r\n", "\r").
  size_t trim_start = 0;  // Content without surrounding white space;
  size_t trim_end = 0;    //   trim_start == trim_end for a blank line.
  int paragraph = 0;      // Blank-line separated block index.
  bool blank() const { return trim_start >= trim_end; }
};

// Splits `text` into lines and numbers the paragraphs.
std::vector<Line> SplitLines(absl::string_view text);

// True when the line starts with a list bullet ("•", "- ", "* ", ...).
bool IsBulletLine(absl::string_view text, const Line& line);

// A line that ends without sentence-final punctuation (closing quotes and
// brackets are looked through).
bool EndsWithoutFinalPunctuation(absl::string_view unit);

struct FurnitureRule {
  enum class Kind { kLine, kPrefix, kPattern, kKicker, kTeaser };
  Kind kind = Kind::kLine;
  std::string text;  // Exact line, prefix, pattern or marker.
  std::string reason;
  std::shared_ptr<const icu::RegexPattern> pattern;  // For kPattern and kKicker.
};

struct FurnitureRules {
  std::vector<FurnitureRule> rules;
  // All kPattern rules as one alternation "(p1)|(p2)|..." (one regex run
  // per line instead of one per rule) and, per alternative, its capture
  // group and index into `rules`.
  std::shared_ptr<const icu::RegexPattern> combined;
  std::vector<std::pair<int, size_t>> combined_groups;
  // The bytes a line must start with for `combined` to match it (read off
  // the patterns' leading literals); lines starting otherwise skip the
  // regular expression. All set when a pattern may start with anything.
  std::bitset<256> combined_first_bytes;
  absl::flat_hash_set<std::string> exact_lines;  // Fast path for kLine rules.
  // Paragraph before a line of this reason is a caption ("" = off).
  std::string caption_after_reason;
  std::string caption_reason = "caption";
  // Bullet glyphs at line starts are furniture ("•", "- "), not part of the item.
  bool mark_bullets = false;
  std::string bullet_reason = "bullet";
  // Lines of at least this many words that occur twice or more are
  // furniture (0 = off).
  int repeated_min_words = 0;
  std::string repeated_reason = "repeated_line";
};

// Builds the rules from furniture.tsv. InvalidArgument "path:line: ..." on a
// bad row or regular expression.
absl::StatusOr<FurnitureRules> BuildFurnitureRules(const Lexicon& lexicon);

// Finds furniture in `text`; spans are trimmed, sorted and disjoint.
std::vector<Furniture> FindFurniture(absl::string_view text, const std::vector<Line>& lines,
                                     const FurnitureRules& rules);

// Merges two sorted lists of spans; overlapping spans are united and keep
// the reason of the first.
std::vector<Furniture> MergeFurniture(std::vector<Furniture> a, const std::vector<Furniture>& b);

}  // namespace claimdiff::segment_internal

#endif  // CLAIMDIFF_SRC_SEGMENT_LAYOUT_H_
