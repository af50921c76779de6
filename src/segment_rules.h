// Private: the data-driven fix-up pass that runs after ICU's sentence
// breaks. It only removes breaks (ICU splits too eagerly in news text);
// breaks that the layout makes (newlines, bullets, kickers, furniture) are
// hard and never removed.
//
// Kinds of knowledge, each from a table of src/lexicon/<lang>/:
//   abbreviations.tsv   surface<TAB>kind   "z. B." inner, "usw." final, "U.S." starter
//   months.tsv          surface<TAB>month  "5. März": an ordinal before a month
//   segment_ordinal_cues.tsv  word         "des III. Geschwaders", "der 3. Platz"
//   segment_starters.tsv      word         "U.S. He ..." breaks before "He"
//   segment_settings.tsv      key<TAB>value roman_ordinals, initials

#ifndef CLAIMDIFF_SRC_SEGMENT_RULES_H_
#define CLAIMDIFF_SRC_SEGMENT_RULES_H_

#include <bitset>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "claimdiff/lexicon.h"

namespace claimdiff::segment_internal {

enum class AbbreviationKind {
  kInner,    // Never ends a sentence ("z. B.", "Dr.", "Nr.").
  kFinal,    // Ends a sentence when a capitalized word follows ("usw.").
  kStarter,  // Ends a sentence only before a word of segment_starters ("U.S.").
};

struct Abbreviation {
  std::vector<std::string> tokens;  // "z. B." -> {"z.", "B."}
  AbbreviationKind kind = AbbreviationKind::kInner;
};

struct SegmentRules {
  std::vector<Abbreviation> abbreviations;
  // Token -> indexes into `abbreviations` of the entries that contain it.
  absl::flat_hash_map<std::string, std::vector<int>> by_token;
  size_t max_abbreviation_tokens = 1;
  // The last byte of each one-byte key of `by_token` and the last two
  // bytes of the longer ones: a word ending otherwise is no abbreviation
  // token, without hashing it.
  std::bitset<256> token_last_byte;
  std::bitset<65536> token_last_pair;
  bool MayBeToken(absl::string_view w) const {
    if (w.empty()) return false;
    if (w.size() == 1) return token_last_byte.test(static_cast<unsigned char>(w.back()));
    return token_last_pair.test(static_cast<size_t>(static_cast<unsigned char>(w[w.size() - 2])) << 8 |
                                static_cast<unsigned char>(w.back()));
  }
  absl::flat_hash_set<std::string> months;        // As written ("März", "Jan.").
  absl::flat_hash_set<std::string> ordinal_cues;  // Lower-cased.
  absl::flat_hash_set<std::string> starters;      // As written, case-sensitive.
  bool roman_ordinals = false;  // "des III. Geschwaders": a Roman numeral + "." is an ordinal.
  bool initials = true;         // "J. R. R. Tolkien": a capital + "." before a capital joins.
  bool ordinal_dots = false;      // "des 15. Jahrhunderts": "<number>." before a capitalized non-starter is an ordinal.
  bool lowercase_starts = false;
  bool quotes_hold = true;             // No break inside a quotation closed in the same paragraph.
  size_t max_quotation_bytes = 2000;   // Longer "quotations" are unbalanced quote marks.
  bool exclamation_continues = false;  // "Yahoo! in the ...": "!" before a lower-case word continues.  // "interested. jill allen ...": a sentence may start in lower case.
};

// Builds the rules from a language's tables. InvalidArgument "path:line: ..."
// on a malformed row.
absl::StatusOr<SegmentRules> BuildSegmentRules(const Lexicon& lexicon);

// A candidate sentence start: the first non-space byte of the next unit.
struct Break {
  size_t pos = 0;
  bool hard = false;  // Made by the layout; never removed.
  bool weak = false;  // Not proposed by ICU (FindWeakBreaks); kept only when WeakBreakHolds.
};

// Quotations as [open mark, after close mark): „…“, “…”, »…«, «…», "…",
// '…'. A quotation never crosses a blank line nor runs past `max_bytes`.
std::vector<std::pair<size_t, size_t>> FindQuotations(absl::string_view text, size_t max_bytes);

// Starts of inline list items ("1.) The first item 2.) The second item",
// "a) here b) there"): runs of two or more markers with consecutive values.
std::vector<size_t> FindListMarkers(absl::string_view text);

// Sentence ends ICU does not propose because the next sentence does not
// start with a capital: "war. 1987 wurde", "interested. jill allen",
// "Vermögensbesitzer. -Wie". Positions of the next token, sorted.
std::vector<size_t> FindWeakBreaks(absl::string_view text);

// Whether a weak break at `pos` ends a sentence: the word before it is a
// plain word with one final dot (not an abbreviation, not a number) or ends
// in "!" or "?".
bool WeakBreakHolds(absl::string_view text, size_t prev_start, size_t pos, const SegmentRules& rules);

// The fix-up pass: a pure function over break offsets. Returns the
// positions of `breaks` that stay, in order. `breaks` are sorted, each on
// a non-space byte of `text`.
std::vector<size_t> FixBreaks(absl::string_view text, const std::vector<Break>& breaks,
                              const SegmentRules& rules);

// The reason a soft break at `pos` is removed, or "" when it stays:
// "abbreviation", "ordinal_month", "ordinal_cue", "list_number",
// "roman_ordinal", "initial". Exposed for tests and debugging.
std::string JoinReason(absl::string_view text, size_t prev_start, size_t pos,
                       const SegmentRules& rules);

}  // namespace claimdiff::segment_internal

#endif  // CLAIMDIFF_SRC_SEGMENT_RULES_H_
