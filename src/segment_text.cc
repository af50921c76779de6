#include "segment_text.h"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace claimdiff::segment_internal {

char32_t DecodeAtSlow(absl::string_view text, size_t i, size_t* length) {
  int32_t pos = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(text.data(), pos, static_cast<int32_t>(text.size()), c);
  *length = static_cast<size_t>(pos) - i;
  return c < 0 ? 0xFFFD : static_cast<char32_t>(c);
}

char32_t DecodeBeforeSlow(absl::string_view text, size_t i, size_t* start) {
  int32_t pos = static_cast<int32_t>(i);
  UChar32 c;
  U8_PREV(text.data(), 0, pos, c);
  *start = static_cast<size_t>(pos);
  return c < 0 ? 0xFFFD : static_cast<char32_t>(c);
}

bool IsSpaceSlow(char32_t c) { return u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_WHITE_SPACE); }
bool IsUpperSlow(char32_t c) { return u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c)); }
bool IsLowerSlow(char32_t c) { return u_islower(static_cast<UChar32>(c)); }
bool IsDigitSlow(char32_t c) { return u_isdigit(static_cast<UChar32>(c)); }
bool IsLetterSlow(char32_t c) { return u_isalpha(static_cast<UChar32>(c)); }

bool IsPunctSlow(char32_t c) { return u_ispunct(static_cast<UChar32>(c)); }

std::string Lower(absl::string_view s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  u.toLower(icu::Locale::getRoot());
  std::string out;
  u.toUTF8String(out);
  return out;
}

std::string UpperFirst(absl::string_view s) {
  if (s.empty()) return std::string();
  size_t n;
  DecodeAt(s, 0, &n);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(n)));
  u.toUpper(icu::Locale::getRoot());
  std::string out;
  u.toUTF8String(out);
  out.append(s.data() + n, s.size() - n);
  return out;
}

}  // namespace claimdiff::segment_internal
