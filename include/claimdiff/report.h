// Stage 6: report. Renders a comparison as text for the terminal, as JSON
// for machines (versioned schema, see docs/json-schema.md) and as one
// self-contained HTML page.

#ifndef CLAIMDIFF_INCLUDE_CLAIMDIFF_REPORT_H_
#define CLAIMDIFF_INCLUDE_CLAIMDIFF_REPORT_H_

#include <string>

#include "absl/types/span.h"
#include "claimdiff/align.h"
#include "claimdiff/compare.h"
#include "claimdiff/extract.h"

namespace claimdiff {

enum class ReportFormat { kText, kJson, kHtml };

struct ReportOptions {
  ReportFormat format = ReportFormat::kText;
  int width = 100;     // Terminal columns for text.
  bool color = false;  // ANSI colour for text.
  std::string title;   // Report title; "" = from the documents.
};

struct ReportInput {
  std::string id;  // Cluster id.
  absl::Span<const AnalyzedDocument> docs;
  const Alignment* alignment = nullptr;
  const Comparison* comparison = nullptr;
};

std::string RenderReport(const ReportInput& input, const ReportOptions& options);

}  // namespace claimdiff

#endif  // CLAIMDIFF_INCLUDE_CLAIMDIFF_REPORT_H_
