// Helpers shared by the text, JSON and HTML reports: document labels, finding
// order, safe text extraction, word tokens and word-level differences, the
// rows of the side-by-side view and the highlighted parts of a sentence.

#ifndef CLAIMDIFF_SRC_REPORT_COMMON_H_
#define CLAIMDIFF_SRC_REPORT_COMMON_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "claimdiff/report.h"

namespace claimdiff::report_internal {

// "A", "B", ..., "Z", then "D27", "D28", ...
std::string DocLabel(int doc);

// Bytes of `text` in `span`, clamped to the text; invalid UTF-8 becomes
// U+FFFD so that every renderer emits valid UTF-8.
std::string SpanText(const std::string& text, const Span& span);
std::string ValidUtf8(absl::string_view s);
// Runs of white space (including newlines and no-break spaces) become one
// ASCII space; leading and trailing space is dropped.
std::string CollapseSpace(absl::string_view s);

// Escapes & < > " ' for HTML text and attribute values.
std::string HtmlEscape(absl::string_view s);

// Display name of a document: source, else title, else id.
std::string DocName(const Document& doc);
// "2019-04-18" or "".
std::string DayString(const Document& doc);

// Severity order used to group findings in text and HTML: contradict,
// certainty_differs, attribution_differs, refine, only_in, agree.
int KindRank(FindingKind kind);
inline constexpr FindingKind kAllKinds[] = {
    FindingKind::kContradict, FindingKind::kCertaintyDiffers, FindingKind::kAttributionDiffers,
    FindingKind::kRefine,     FindingKind::kOnlyIn,           FindingKind::kAgree};

// Findings in reading order: by the first (doc, start) they point at, then
// kind, slot, values and reason. Deterministic whatever order compare used.
std::vector<const Finding*> FindingsInTextOrder(const ReportInput& input);
// The same, grouped by KindRank (stable within a kind).
std::vector<const Finding*> FindingsBySeverity(const ReportInput& input);

// Words and punctuation of `s` as byte ranges (ICU word boundaries; spaces
// are not tokens). "23. oder 24." -> "23" "." "oder" "24" ".".
std::vector<Span> WordTokens(absl::string_view s);

// Word-level difference of `a` and `b` (dtl over whole tokens). Returns the
// byte ranges of `a` absent from `b` and of `b` absent from `a`; adjacent
// changed tokens are merged into one range, with the space between them.
struct WordDiffResult {
  std::vector<Span> only_a;
  std::vector<Span> only_b;
  int common = 0;                // Tokens in both.
  int tokens_a = 0, tokens_b = 0;
};
WordDiffResult WordDiff(absl::string_view a, absl::string_view b);

// One piece of a document shown in the side-by-side view: a sentence or a
// furniture span.
struct Unit {
  int doc = 0;
  int sentence = -1;  // -1 for furniture.
  Span span;
  std::string furniture_reason;  // Set for furniture.
};
// One row of the side-by-side view: per document, the units shown in it.
struct Row {
  std::vector<std::vector<Unit>> cells;  // cells[doc]
  bool aligned = false;                  // Holds linked statements of two or more documents.
};
// Rows in reading order: linked sentences share a row, at most one per
// document (links are taken strongest first; a link that would put two
// sentences of one document in a row is left to the findings). A unit
// without partner gets its own row, after the row of its predecessor in the
// same document.
std::vector<Row> BuildRows(const ReportInput& input);

// A highlighted part of a sentence: a time, place, quantity or person.
struct Annotation {
  Span span;
  std::string cls;  // "time", "place", "quantity", "person".
  std::string tip;  // Normalized value for the tooltip: "time: 2019-04-23 .. 2019-04-24".
};
// The annotations of document `doc`, sorted by start, without overlaps
// (the earlier, then longer, one wins).
std::vector<Annotation> DocAnnotations(const AnalyzedDocument& doc);

// Number of findings of each kind, indexed by static_cast<int>(kind).
std::vector<int> CountKinds(const ReportInput& input);

// The report title: options.title, else "<A> vs <B> [vs ...]".
std::string ReportTitle(const ReportInput& input, const ReportOptions& options);

std::string RenderText(const ReportInput& input, const ReportOptions& options);
std::string RenderJson(const ReportInput& input, const ReportOptions& options);
std::string RenderHtml(const ReportInput& input, const ReportOptions& options);

}  // namespace claimdiff::report_internal

#endif  // CLAIMDIFF_SRC_REPORT_COMMON_H_
