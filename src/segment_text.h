// Private helpers of the segment stage: UTF-8 scanning by code point,
// white space and letter classes. All offsets are byte offsets.

#ifndef CLAIMDIFF_SRC_SEGMENT_TEXT_H_
#define CLAIMDIFF_SRC_SEGMENT_TEXT_H_

#include <cstddef>
#include <string>

#include "absl/strings/string_view.h"

namespace claimdiff::segment_internal {

// The code point starting at `i` (U+FFFD for a bad sequence) and its length.
char32_t DecodeAt(absl::string_view text, size_t i, size_t* length);
// The code point ending just before `i` and its start.
char32_t DecodeBefore(absl::string_view text, size_t i, size_t* start);

// Unicode White_Space (ASCII blanks, no-break and other Unicode spaces,
// line and paragraph separators).
bool IsSpace(char32_t c);
bool IsUpper(char32_t c);  // Uppercase or titlecase letter.
bool IsLower(char32_t c);
bool IsDigit(char32_t c);
bool IsLetter(char32_t c);
bool IsPunct(char32_t c);
// The first code point of `s` (0 when empty).
char32_t FirstChar(absl::string_view s);

// First non-space byte at or after `i` (text.size() if none).
size_t SkipSpace(absl::string_view text, size_t i);
// End of the last non-space code point before `i` (`floor` if none after it).
size_t TrimBack(absl::string_view text, size_t floor, size_t i);

// Lower-cases a UTF-8 string with ICU's root case mapping.
std::string Lower(absl::string_view s);
// Upper-cases the first code point of `s`.
std::string UpperFirst(absl::string_view s);

}  // namespace claimdiff::segment_internal

#endif  // CLAIMDIFF_SRC_SEGMENT_TEXT_H_
