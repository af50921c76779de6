// Private helpers of the segment stage: UTF-8 scanning by code point,
// white space and letter classes. All offsets are byte offsets.

#ifndef CLAIMDIFF_SRC_SEGMENT_TEXT_H_
#define CLAIMDIFF_SRC_SEGMENT_TEXT_H_

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
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

// Finds the positions of a few bytes in a text. The passes over a whole
// document look for bytes that are rare in prose (sentence punctuation,
// quotation marks, line breaks): this tests 64 bytes at a time (with SSE2
// where there is SSE2) and skips the text between the hits many times
// faster than a loop over every byte (for a single byte, memchr does).
// Look for ASCII bytes or UTF-8 lead bytes, so that every hit starts a code
// point.
class ByteScanner {
 public:
  ByteScanner(absl::string_view text, absl::string_view bytes);

  // The first position at or after `from` that holds one of the bytes, or
  // text.size(). Fastest when `from` moves forward.
  size_t Next(size_t from) {
    if (from >= text_.size()) return text_.size();
    if (bytes_.size() == 1) return std::min(text_.find(bytes_[0], from), text_.size());
    if (from - block_ >= kBlock) return NextInBlocks(from);  // Also when from < block_.
    const uint64_t hits = mask_ & (~uint64_t{0} << (from - block_));
    return hits != 0 ? block_ + static_cast<size_t>(std::countr_zero(hits)) : NextInBlocks(block_ + kBlock);
  }

 private:
  static constexpr size_t kBlock = 64;

  // Next() past the block of `mask_`.
  size_t NextInBlocks(size_t from);

  // Bit i is set when byte `block_ + i` is one of the bytes.
  uint64_t BlockMask() const;

  absl::string_view text_;
  std::string bytes_;
  size_t block_ = 0;   // Start of the block of `mask_`, a multiple of kBlock.
  uint64_t mask_ = 0;
};

// Lower-cases a UTF-8 string with ICU's root case mapping.
std::string Lower(absl::string_view s);
// Upper-cases the first code point of `s`.
std::string UpperFirst(absl::string_view s);

}  // namespace claimdiff::segment_internal

#endif  // CLAIMDIFF_SRC_SEGMENT_TEXT_H_
