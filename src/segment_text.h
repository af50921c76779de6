// Private helpers of the segment stage: UTF-8 scanning by code point,
// white space and letter classes. All offsets are byte offsets.

#ifndef CLAIMDIFF_SRC_SEGMENT_TEXT_H_
#define CLAIMDIFF_SRC_SEGMENT_TEXT_H_

#include <cstddef>
#include <string>

#include "absl/strings/string_view.h"

namespace claimdiff::segment_internal {

// Out-of-line slow paths of the inline functions below (non-ASCII input).
char32_t DecodeAtSlow(absl::string_view text, size_t i, size_t* length);
char32_t DecodeBeforeSlow(absl::string_view text, size_t i, size_t* start);
bool IsSpaceSlow(char32_t c);
bool IsUpperSlow(char32_t c);
bool IsLowerSlow(char32_t c);
bool IsDigitSlow(char32_t c);
bool IsLetterSlow(char32_t c);

// These run once per byte or per break candidate; the ASCII cases are
// inline, the rest go to ICU.

// The code point starting at `i` (U+FFFD for a bad sequence) and its length.
inline char32_t DecodeAt(absl::string_view text, size_t i, size_t* length) {
  const unsigned char c0 = static_cast<unsigned char>(text[i]);
  if (c0 < 0x80) {
    *length = 1;
    return c0;
  }
  return DecodeAtSlow(text, i, length);
}
// The code point ending just before `i` and its start.
inline char32_t DecodeBefore(absl::string_view text, size_t i, size_t* start) {
  const unsigned char c0 = static_cast<unsigned char>(text[i - 1]);
  if (c0 < 0x80) {
    *start = i - 1;
    return c0;
  }
  return DecodeBeforeSlow(text, i, start);
}

// Unicode White_Space (ASCII blanks, no-break and other Unicode spaces,
// line and paragraph separators).
inline bool IsSpace(char32_t c) {
  if (c < 0x80) return c == ' ' || (c >= 0x09 && c <= 0x0D);
  return IsSpaceSlow(c);
}
// Uppercase or titlecase letter.
inline bool IsUpper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return IsUpperSlow(c);
}
inline bool IsLower(char32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  return IsLowerSlow(c);
}
inline bool IsDigit(char32_t c) {
  if (c < 0x80) return c >= '0' && c <= '9';
  return IsDigitSlow(c);
}
inline bool IsLetter(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return IsLetterSlow(c);
}
bool IsPunctSlow(char32_t c);
// Unicode punctuation (general category P*).
inline bool IsPunct(char32_t c) {
  if (c < 0x80) {
    switch (c) {
      case '!': case '"': case '#': case '%': case '&': case '\'': case '(': case ')': case '*':
      case ',': case '-': case '.': case '/': case ':': case ';': case '?': case '@': case '[':
      case '\\': case ']': case '_': case '{': case '}':
        return true;
      default:
        return false;
    }
  }
  return IsPunctSlow(c);
}
// The first code point of `s` (0 when empty).
inline char32_t FirstChar(absl::string_view s) {
  if (s.empty()) return 0;
  size_t n;
  return DecodeAt(s, 0, &n);
}

// First non-space byte at or after `i` (text.size() if none).
inline size_t SkipSpace(absl::string_view text, size_t i) {
  while (i < text.size()) {
    size_t n;
    if (!IsSpace(DecodeAt(text, i, &n))) break;
    i += n;
  }
  return i;
}
// End of the last non-space code point before `i` (`floor` if none after it).
inline size_t TrimBack(absl::string_view text, size_t floor, size_t i) {
  while (i > floor) {
    size_t s;
    if (!IsSpace(DecodeBefore(text, i, &s))) break;
    i = s;
  }
  return i;
}

// Lower-cases a UTF-8 string with ICU's root case mapping.
std::string Lower(absl::string_view s);
// Upper-cases the first code point of `s`.
std::string UpperFirst(absl::string_view s);

}  // namespace claimdiff::segment_internal

#endif  // CLAIMDIFF_SRC_SEGMENT_TEXT_H_
