#include "segment_text.h"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <algorithm>
#include <cstring>

#include "absl/strings/ascii.h"

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

ByteScanner::ByteScanner(absl::string_view text, absl::string_view bytes) : text_(text), bytes_(bytes) {
  mask_ = BlockMask();
}

size_t ByteScanner::NextInBlocks(size_t from) {
  if (from >= text_.size()) return text_.size();
  block_ = from - from % kBlock;
  mask_ = BlockMask();
  uint64_t hits = mask_ & (~uint64_t{0} << (from - block_));
  while (hits == 0) {
    block_ += kBlock;
    if (block_ >= text_.size()) return text_.size();
    hits = mask_ = BlockMask();
  }
  return block_ + static_cast<size_t>(std::countr_zero(hits));
}

uint64_t ByteScanner::BlockMask() const {
  if (block_ >= text_.size()) return 0;
  const size_t n = std::min(kBlock, text_.size() - block_);
  const char* p = text_.data() + block_;
  char last_block[kBlock];  // The end of the text, padded.
  if (n < kBlock) {
    std::memcpy(last_block, p, n);
    std::memset(last_block + n, 0, kBlock - n);
    p = last_block;
  }
  uint64_t mask = 0;
#ifdef __SSE2__
  static_assert(kBlock == 4 * sizeof(__m128i));
  const auto* chunks = reinterpret_cast<const __m128i*>(p);
  const __m128i c0 = _mm_loadu_si128(chunks), c1 = _mm_loadu_si128(chunks + 1);
  const __m128i c2 = _mm_loadu_si128(chunks + 2), c3 = _mm_loadu_si128(chunks + 3);
  __m128i h0 = _mm_setzero_si128(), h1 = h0, h2 = h0, h3 = h0;
  for (char b : bytes_) {
    const __m128i v = _mm_set1_epi8(b);
    h0 = _mm_or_si128(h0, _mm_cmpeq_epi8(c0, v));
    h1 = _mm_or_si128(h1, _mm_cmpeq_epi8(c1, v));
    h2 = _mm_or_si128(h2, _mm_cmpeq_epi8(c2, v));
    h3 = _mm_or_si128(h3, _mm_cmpeq_epi8(c3, v));
  }
  auto bits = [](__m128i h) { return static_cast<uint64_t>(static_cast<uint32_t>(_mm_movemask_epi8(h))); };
  mask = bits(h0) | bits(h1) << 16 | bits(h2) << 32 | bits(h3) << 48;
#else
  for (size_t i = 0; i < kBlock; ++i) {
    if (bytes_.find(p[i]) != std::string::npos) mask |= uint64_t{1} << i;
  }
#endif
  return n < kBlock ? mask & ((uint64_t{1} << n) - 1) : mask;
}

bool IsSpaceSlow(char32_t c) { return u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_WHITE_SPACE); }
bool IsUpperSlow(char32_t c) { return u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c)); }
bool IsLowerSlow(char32_t c) { return u_islower(static_cast<UChar32>(c)); }
bool IsDigitSlow(char32_t c) { return u_isdigit(static_cast<UChar32>(c)); }
bool IsLetterSlow(char32_t c) { return u_isalpha(static_cast<UChar32>(c)); }

bool IsPunctSlow(char32_t c) { return u_ispunct(static_cast<UChar32>(c)); }

std::string Lower(absl::string_view s) {
  if (std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    return absl::AsciiStrToLower(s);  // What ICU's root case mapping does to ASCII.
  }
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
