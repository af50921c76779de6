// The stylesheet and script inlined into every HTML report. They contain no
// input data: the script reads the page's DOM only.

#ifndef CLAIMDIFF_SRC_REPORT_HTML_ASSETS_H_
#define CLAIMDIFF_SRC_REPORT_HTML_ASSETS_H_

namespace claimdiff::report_internal {

extern const char kReportCss[];
extern const char kReportJs[];

}  // namespace claimdiff::report_internal

#endif  // CLAIMDIFF_SRC_REPORT_HTML_ASSETS_H_
