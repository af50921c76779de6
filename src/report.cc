// Report entry point: dispatches to the text, JSON and HTML renderers
// (report_text.cc, report_json.cc, report_html.cc) and holds the kind labels
// and the display width they share.

#include "claimdiff/report.h"

#include <cstdint>
#include <memory>

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "report_common.h"

namespace claimdiff {

std::string RenderReport(const ReportInput& input, const ReportOptions& options) {
  switch (options.format) {
    case ReportFormat::kText: return report_internal::RenderText(input, options);
    case ReportFormat::kJson: return report_internal::RenderJson(input, options);
    case ReportFormat::kHtml: return report_internal::RenderHtml(input, options);
  }
  return "";
}

const char* FindingKindLabel(FindingKind kind) {
  switch (kind) {
    case FindingKind::kAgree: return "agree";
    case FindingKind::kRefine: return "refine";
    case FindingKind::kContradict: return "contradict";
    case FindingKind::kCertaintyDiffers: return "certainty differs";
    case FindingKind::kAttributionDiffers: return "attribution differs";
    case FindingKind::kOnlyIn: return "only in";
  }
  return "agree";
}

const char* FindingKindIcon(FindingKind kind) {
  switch (kind) {
    case FindingKind::kAgree: return "\u2713";               // ✓
    case FindingKind::kRefine: return "\u2286";              // ⊆ one is more specific
    case FindingKind::kContradict: return "\u2717";          // ✗
    case FindingKind::kCertaintyDiffers: return "?";
    case FindingKind::kAttributionDiffers: return "\u275D";  // ❝ who says it
    case FindingKind::kOnlyIn: return "\u25C7";              // ◇
  }
  return "";
}

bool ParseFindingKind(absl::string_view name, FindingKind* kind) {
  for (FindingKind k : report_internal::kAllKinds) {
    if (name == FindingKindName(k)) {
      *kind = k;
      return true;
    }
  }
  return false;
}

namespace {

icu::BreakIterator* GraphemeBreaker() {
  thread_local std::unique_ptr<icu::BreakIterator> breaker = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> b(
        icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status)) b.reset();
    return b;
  }();
  return breaker.get();
}

int CodePointWidth(UChar32 c) {
  if (c < 0) return 1;  // Shown as U+FFFD.
  int8_t type = u_charType(c);
  if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR ||
      type == U_CONTROL_CHAR) {
    return 0;
  }
  int ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  if (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH) return 2;
  if (u_hasBinaryProperty(c, UCHAR_EMOJI_PRESENTATION)) return 2;
  return 1;
}

}  // namespace

int DisplayWidth(absl::string_view utf8) {
  bool ascii = true;
  for (char c : utf8) {
    if (static_cast<unsigned char>(c) >= 0x80 || static_cast<unsigned char>(c) < 0x20) {
      ascii = false;
      break;
    }
  }
  if (ascii) return static_cast<int>(utf8.size());
  const auto* p = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t length = static_cast<int32_t>(utf8.size());
  icu::BreakIterator* breaker = GraphemeBreaker();
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = breaker ? utext_openUTF8(nullptr, utf8.data(), length, &status) : nullptr;
  if (breaker != nullptr && U_SUCCESS(status)) breaker->setText(ut, status);
  int width = 0;
  if (breaker != nullptr && U_SUCCESS(status)) {
    // A grapheme cluster is as wide as its widest code point (a base letter
    // with combining marks is 1, an emoji sequence 2).
    int32_t start = breaker->first();
    for (int32_t end = breaker->next(); end != icu::BreakIterator::DONE; start = end, end = breaker->next()) {
      int cluster = 0;
      for (int32_t i = start; i < end;) {
        UChar32 c;
        U8_NEXT(p, i, end, c);
        cluster = std::max(cluster, CodePointWidth(c));
      }
      width += cluster;
    }
  } else {
    for (int32_t i = 0; i < length;) {
      UChar32 c;
      U8_NEXT(p, i, length, c);
      width += CodePointWidth(c);
    }
  }
  if (ut != nullptr) utext_close(ut);
  return width;
}

}  // namespace claimdiff
