#include "segment_text.h"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace claimdiff::segment_internal {

char32_t DecodeAt(absl::string_view text, size_t i, size_t* length) {
  const unsigned char c0 = static_cast<unsigned char>(text[i]);
  if (c0 < 0x80) {
    *length = 1;
    return c0;
  }
  int32_t pos = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(text.data(), pos, static_cast<int32_t>(text.size()), c);
  *length = static_cast<size_t>(pos) - i;
  return c < 0 ? 0xFFFD : static_cast<char32_t>(c);
}

char32_t DecodeBefore(absl::string_view text, size_t i, size_t* start) {
  const unsigned char c0 = static_cast<unsigned char>(text[i - 1]);
  if (c0 < 0x80) {
    *start = i - 1;
    return c0;
  }
  int32_t pos = static_cast<int32_t>(i);
  UChar32 c;
  U8_PREV(text.data(), 0, pos, c);
  *start = static_cast<size_t>(pos);
  return c < 0 ? 0xFFFD : static_cast<char32_t>(c);
}

bool IsSpace(char32_t c) {
  if (c < 0x80) return c == ' ' || (c >= 0x09 && c <= 0x0D);
  return u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_WHITE_SPACE);
}

bool IsUpper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c));
}

bool IsLower(char32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  return u_islower(static_cast<UChar32>(c));
}

bool IsDigit(char32_t c) {
  if (c < 0x80) return c >= '0' && c <= '9';
  return u_isdigit(static_cast<UChar32>(c));
}

bool IsLetter(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return u_isalpha(static_cast<UChar32>(c));
}

bool IsPunct(char32_t c) { return u_ispunct(static_cast<UChar32>(c)); }

char32_t FirstChar(absl::string_view s) {
  if (s.empty()) return 0;
  size_t n;
  return DecodeAt(s, 0, &n);
}

size_t SkipSpace(absl::string_view text, size_t i) {
  while (i < text.size()) {
    size_t n;
    if (!IsSpace(DecodeAt(text, i, &n))) break;
    i += n;
  }
  return i;
}

size_t TrimBack(absl::string_view text, size_t floor, size_t i) {
  while (i > floor) {
    size_t s;
    if (!IsSpace(DecodeBefore(text, i, &s))) break;
    i = s;
  }
  return i;
}

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
