// PLACEHOLDER report. Replaced by the report work.
#include "claimdiff/report.h"

namespace claimdiff {
std::string RenderReport(const ReportInput&, const ReportOptions&) { return ""; }
}  // namespace claimdiff
