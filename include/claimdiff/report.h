// Stage 6: report. Renders a comparison as text for the terminal, as JSON
// for machines (versioned schema, see docs/json-schema.md) and as one
// self-contained HTML page.
//
// Rendering is pure: bytes in memory, no I/O, no clock, no randomness. The
// same input gives the same bytes (findings in a stable order, fixed float
// formatting). Everything taken from the articles is escaped in HTML.

#ifndef CLAIMDIFF_INCLUDE_CLAIMDIFF_REPORT_H_
#define CLAIMDIFF_INCLUDE_CLAIMDIFF_REPORT_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "claimdiff/align.h"
#include "claimdiff/compare.h"
#include "claimdiff/extract.h"

namespace claimdiff {

enum class ReportFormat { kText, kJson, kHtml };

// The "schema" member of every JSON report. Bumped when a field is renamed
// or removed; adding fields keeps the version.
inline constexpr char kReportJsonSchema[] = "claimdiff.compare/1";

struct ReportOptions {
  ReportFormat format = ReportFormat::kText;
  int width = 100;     // Terminal columns for text (at least 40 are used).
  bool color = false;  // ANSI colour for text. Kinds are also named, never shown by colour alone.
  std::string title;   // Report title; "" = from the documents.
  // JSON indentation: -1 = one line (JSON Lines, the CLI's default),
  // n >= 0 = pretty-printed with n spaces (goldens use 2).
  int json_indent = -1;
};

struct ReportInput {
  std::string id;  // Cluster id.
  absl::Span<const AnalyzedDocument> docs;
  const Alignment* alignment = nullptr;    // May be null: no links.
  const Comparison* comparison = nullptr;  // May be null: no findings.
};

// Renders `input` in `options.format`. Text and HTML end with a newline;
// JSON with indent -1 is exactly one line plus "\n". Cannot fail: spans out
// of range are clamped, invalid UTF-8 is shown as U+FFFD.
std::string RenderReport(const ReportInput& input, const ReportOptions& options);

// "agree" -> "agree", "certainty_differs" -> "certainty differs": the label
// the text and HTML reports show next to the kind's icon.
const char* FindingKindLabel(FindingKind kind);
// A symbol for the kind, so that kinds never depend on colour alone.
const char* FindingKindIcon(FindingKind kind);
// Parses "agree", "refine", "contradict", "certainty_differs",
// "attribution_differs", "only_in"; false for anything else.
bool ParseFindingKind(absl::string_view name, FindingKind* kind);

// Columns a terminal uses to show `utf8`: grapheme clusters, East Asian wide
// and fullwidth characters count 2, combining marks and controls 0.
int DisplayWidth(absl::string_view utf8);

}  // namespace claimdiff

#endif  // CLAIMDIFF_INCLUDE_CLAIMDIFF_REPORT_H_
