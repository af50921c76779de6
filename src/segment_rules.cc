#include "segment_rules.h"

#include <algorithm>

#include "absl/container/inlined_vector.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "segment_text.h"

namespace claimdiff::segment_internal {
namespace {

struct Token {
  size_t start = 0;
  size_t end = 0;
  bool empty() const { return end <= start; }
};

// The token (maximal run of non-space) that ends at `end`, not before `floor`.
Token TokenBefore(absl::string_view text, size_t floor, size_t end) {
  size_t i = end;
  while (i > floor) {
    size_t s;
    if (IsSpace(DecodeBefore(text, i, &s))) break;
    i = s;
  }
  return {i, end};
}

// The token that starts at `start`.
Token TokenAt(absl::string_view text, size_t start) {
  size_t i = start;
  while (i < text.size()) {
    size_t n;
    if (IsSpace(DecodeAt(text, i, &n))) break;
    i += n;
  }
  return {start, i};
}

// Drops leading punctuation ("(z." -> "z.", "„Dr." -> "Dr.").
absl::string_view StripLeading(absl::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    size_t n;
    char32_t c = DecodeAt(s, i, &n);
    if (!IsPunct(c) || c == '.') break;
    i += n;
  }
  return s.substr(i);
}

// Drops trailing punctuation other than '.' ("B.)" -> "B.", "März," -> "März").
absl::string_view StripTrailing(absl::string_view s) {
  size_t i = s.size();
  while (i > 0) {
    size_t st;
    char32_t c = DecodeBefore(s, i, &st);
    if (!IsPunct(c) || c == '.') break;
    i = st;
  }
  return s.substr(0, i);
}

// Also drops trailing dots: the bare word ("März." -> "März").
absl::string_view StripAllTrailing(absl::string_view s) {
  size_t i = s.size();
  while (i > 0) {
    size_t st;
    char32_t c = DecodeBefore(s, i, &st);
    if (!IsPunct(c)) break;
    i = st;
  }
  return s.substr(0, i);
}

// "12." -> 2 (the number of digits), anything else -> 0.
size_t OrdinalDigits(absl::string_view w) {
  if (w.size() < 2 || w.back() != '.') return 0;
  for (size_t i = 0; i + 1 < w.size(); ++i) {
    if (w[i] < '0' || w[i] > '9') return 0;
  }
  return w.size() - 1;
}

// "III." -> 3 (letters of the numeral), anything else -> 0.
size_t RomanLetters(absl::string_view w) {
  if (w.size() < 2 || w.back() != '.') return 0;
  for (size_t i = 0; i + 1 < w.size(); ++i) {
    if (absl::string_view("IVXLCDM").find(w[i]) == absl::string_view::npos) return 0;
  }
  return w.size() - 1;
}

// "J." or "L.F.": capital letters each followed by a dot.
bool IsInitial(absl::string_view w) {
  if (w.size() < 2 || w.back() != '.') return false;
  size_t i = 0;
  while (i < w.size()) {
    size_t n;
    const char32_t c = DecodeAt(w, i, &n);
    if (!IsUpper(c) || i + n >= w.size() || w[i + n] != '.') return false;
    i += n + 1;
  }
  return true;
}

// A list marker: "1.", "1.)", "1)", "(1)", "a.", "a)", "(a)", optionally
// glued to a bullet ("⁃9."). Returns the marker's value (1-based; letters
// count a=1) or 0.
int ListMarkerValue(absl::string_view t) {
  size_t i = 0;
  while (i < t.size()) {  // Bullet glyphs glued to the marker.
    size_t n;
    const char32_t c = DecodeAt(t, i, &n);
    if (c < 0x80 || !IsPunct(c)) break;
    i += n;
  }
  const bool paren = i < t.size() && t[i] == '(';
  if (paren) ++i;
  int value = 0;
  size_t digits = 0;
  while (i < t.size() && t[i] >= '0' && t[i] <= '9' && digits < 3) {
    value = value * 10 + (t[i] - '0');
    ++i;
    ++digits;
  }
  if (digits == 0) {
    if (i < t.size() && t[i] >= 'a' && t[i] <= 'z') {
      value = t[i] - 'a' + 1;
      ++i;
    } else {
      return 0;
    }
  }
  const absl::string_view rest = t.substr(i);
  if (paren) return rest == ")" ? value : 0;
  if (rest == "." || rest == ")" || rest == ".)") return digits == 0 && rest == "." ? -value : value;
  return 0;
}

// True when only bullets and spaces stand in [from, to).
bool OnlyBulletsBefore(absl::string_view text, size_t from, size_t to) {
  size_t i = from;
  while (i < to) {
    size_t n;
    char32_t c = DecodeAt(text, i, &n);
    if (!IsSpace(c) && !IsPunct(c) && c != 0x2022) return false;
    i += n;
  }
  return true;
}

enum class Verdict { kUnknown, kJoin, kBreak };

// What the abbreviation table says about a break after `prev`.
Verdict AbbreviationVerdict(absl::string_view text, size_t floor, Token prev, size_t next_start,
                            const SegmentRules& rules) {
  absl::string_view w = StripLeading(text.substr(prev.start, prev.end - prev.start));
  if (!rules.MayBeToken(w)) return Verdict::kUnknown;
  auto it = rules.by_token.find(w);
  if (it == rules.by_token.end()) return Verdict::kUnknown;
  const Token next = TokenAt(text, next_start);
  const size_t max_n = rules.max_abbreviation_tokens;
  // Tokens before the break (nearest first) and after it.
  absl::InlinedVector<absl::string_view, 4> before = {w};
  size_t end = prev.start;
  while (before.size() < max_n) {
    end = TrimBack(text, floor, end);
    if (end <= floor) break;
    Token t = TokenBefore(text, floor, end);
    before.push_back(StripLeading(text.substr(t.start, t.end - t.start)));
    end = t.start;
  }
  absl::InlinedVector<absl::string_view, 4> after;
  size_t start = next.start;
  while (after.size() + 1 < max_n && start < text.size()) {
    Token t = TokenAt(text, start);
    after.push_back(StripTrailing(text.substr(t.start, t.end - t.start)));
    start = SkipSpace(text, t.end);
  }
  absl::string_view next_word = StripLeading(text.substr(next.start, next.end - next.start));
  for (int index : it->second) {
    const Abbreviation& a = rules.abbreviations[static_cast<size_t>(index)];
    const size_t n = a.tokens.size();
    for (size_t k = 0; k < n; ++k) {
      if (a.tokens[k] != w) continue;
      bool match = k < before.size() && n - 1 - k <= after.size();
      for (size_t j = 1; match && j <= k; ++j) match = a.tokens[k - j] == before[j];
      for (size_t j = k + 1; match && j < n; ++j) match = a.tokens[j] == after[j - k - 1];
      if (!match) continue;
      if (k + 1 < n) return Verdict::kJoin;  // The break falls inside the abbreviation.
      bool join = true;
      switch (a.kind) {
        case AbbreviationKind::kInner:
          break;
        case AbbreviationKind::kFinal:
          join = !IsUpper(FirstChar(next_word));
          break;
        case AbbreviationKind::kStarter:
          join = !rules.starters.contains(StripAllTrailing(next_word));
          break;
      }
      return join ? Verdict::kJoin : Verdict::kBreak;
    }
  }
  return Verdict::kUnknown;
}

// Closing quotes and brackets after a sentence end ('.“', '?)').
bool IsClosing(char32_t c) {
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201C || c == 0x201D || c == 0x2019 ||
         c == 0x00BB || c == 0x00AB || c == 0x203A || c == 0x2039;
}

// "[17]": a footnote reference that belongs to the sentence before it.
// "[17]" or "[7][8]".
bool IsReference(absl::string_view t) {
  if (t.size() < 3 || t.front() != '[' || t.back() != ']') return false;
  bool digit = false;
  for (size_t i = 1; i + 1 < t.size(); ++i) {
    if (t[i] >= '0' && t[i] <= '9') {
      digit = true;
    } else if (!(t[i] == ']' && t[i + 1] == '[' && digit)) {
      if (!(t[i] == '[' && t[i - 1] == ']')) return false;
    }
  }
  return digit;
}

bool IsLetterOrDigit(char32_t c) { return IsLetter(c) || IsDigit(c); }

}  // namespace

std::vector<std::pair<size_t, size_t>> FindQuotations(absl::string_view text, size_t max_bytes) {
  std::vector<std::pair<size_t, size_t>> out;
  char32_t expect = 0;  // Closing mark of the open quotation, 0 when none.
  size_t open = 0;
  // Whether a blank line (a line break, then only spaces, tabs or CRs up to
  // another) starts in [from, to).
  auto blank_line_in = [text](size_t from, size_t to) {
    for (size_t k = from; (k = text.find('\n', k)) < to; ++k) {
      size_t m = k + 1;
      while (m < text.size() && (text[m] == ' ' || text[m] == '\t' || text[m] == '\r')) ++m;
      if (m < text.size() && text[m] == '\n') return true;
    }
    return false;
  };
  size_t checked = 0;  // Blank lines before this position have been looked for.
  // Only quotation marks matter: '"', '\'', and the characters that start
  // with byte 0xC2 (« ») or 0xE2 („ “ ” ‘ ’).
  ByteScanner marks(text, "\"'\xC2\xE2");
  for (size_t i = marks.Next(0), n = 0; i < text.size(); i = marks.Next(i + n)) {
    const char32_t c = DecodeAt(text, i, &n);
    if (c != '"' && c != '\'' && c != 0x201E && c != 0x201C && c != 0x201D && c != 0x00BB && c != 0x00AB &&
        c != 0x2018 && c != 0x2019) {
      continue;  // Another character with the same lead byte.
    }
    // A blank line ends any quotation; so does running too long (never closed: not a quotation).
    if (expect != 0 && (i - open > max_bytes || blank_line_in(checked, i))) expect = 0;
    checked = i;
    size_t prev_start;
    const char32_t prev = i == 0 ? ' ' : DecodeBefore(text, i, &prev_start);
    const char32_t next = i + n < text.size() ? FirstChar(text.substr(i + n)) : ' ';
    const bool starts = !IsLetterOrDigit(prev) && IsLetterOrDigit(next) ? true : IsSpace(prev) || prev == '(';
    const bool ends = !IsLetterOrDigit(next);
    if (expect != 0) {
      const bool straight = expect == '"' || expect == '\'';
      if (c == expect && (!straight || (ends && !IsSpace(prev)))) {
        out.push_back({open, i + n});
        expect = 0;
      }
    } else if (c == 0x201E) {  // „…“ (German) or „…”
      expect = 0x201C;
      open = i;
    } else if (c == 0x201C && starts) {  // “…” (English)
      expect = 0x201D;
      open = i;
    } else if (c == 0x00BB && starts) {  // »…« (German)
      expect = 0x00AB;
      open = i;
    } else if (c == 0x00AB && starts) {  // «…» (French, Swiss)
      expect = 0x00BB;
      open = i;
    } else if ((c == '"' || c == '\'' || c == 0x2018) && (IsSpace(prev) || i == 0 || prev == '(') &&
               IsLetterOrDigit(next)) {
      expect = c == 0x2018 ? 0x2019 : c;
      open = i;
    }
    // „…” also closes.
    if (expect == 0x201C && c == 0x201D && i != open) {
      out.push_back({open, i + n});
      expect = 0;
    }
  }
  return out;
}

std::vector<size_t> FindListMarkers(absl::string_view text) {
  struct Marker {
    size_t pos;
    int value;
    bool dot_only;  // "1." (not "1.)" or "1)"): needs a sentence end or line start before the run.
    bool after_end; // Stands at a line start, after a bullet or after a sentence end.
  };
  std::vector<Marker> markers;
  // Markers are tokens of 2 to 8 bytes between ASCII blanks that end in "."
  // or ")": found from their last byte.
  constexpr size_t kMaxMarker = 8;
  auto blank = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; };
  ByteScanner ends(text, ".)");
  for (size_t at = ends.Next(0); at < text.size(); at = ends.Next(at + 1)) {
    if (at + 1 < text.size() && !blank(text[at + 1])) continue;  // Not the end of a token.
    // Two letters before the end make a word, not a marker ("a.", "12.", "b)").
    if (at >= 2 && absl::ascii_isalpha(static_cast<unsigned char>(text[at - 1])) &&
        absl::ascii_isalpha(static_cast<unsigned char>(text[at - 2]))) {
      continue;
    }
    Token t{at, at + 1};
    while (t.start > 0 && !blank(text[t.start - 1]) && t.end - t.start <= kMaxMarker) --t.start;
    const absl::string_view tok = text.substr(t.start, t.end - t.start);
    if (tok.size() >= 2 && tok.size() <= kMaxMarker) {
      const int value = ListMarkerValue(tok);
      if (value != 0) {
        // "1." needs a capital after it ("am 1. und 2. März" is no list).
        const size_t next = SkipSpace(text, t.end);
        if (next < text.size() && next > t.end) {
          const char32_t c = FirstChar(text.substr(next));
          if (tok.back() == ')' || IsUpper(c)) {
            // A standalone bullet right before the marker belongs to the item.
            size_t start = t.start;
            bool after_end = true;
            const size_t e = TrimBack(text, 0, t.start);
            if (e > 0) {
              const Token before = TokenBefore(text, 0, e);
              const absl::string_view b = text.substr(before.start, before.end - before.start);
              size_t st;
              const char32_t last = DecodeBefore(text, e, &st);
              if (OnlyBulletsBefore(text, before.start, before.end) && FirstChar(b) > 0x7F) {
                start = before.start;
              } else if (text.substr(e, t.start - e).find('\n') == absl::string_view::npos) {
                after_end = last == '.' || last == '!' || last == '?' || last == ':' || IsClosing(last);
              }
            }
            markers.push_back({start, value < 0 ? -value : value, tok.back() == '.', after_end});
          }
        }
      }
    }
  }
  // Runs of consecutive values with no blank line between.
  std::vector<size_t> out;
  for (size_t a = 0; a < markers.size();) {
    size_t b = a + 1;
    // Items are short and never cross a blank line.
    while (b < markers.size() && markers[b].value == markers[b - 1].value + 1 &&
           markers[b].pos - markers[b - 1].pos <= 160 &&
           text.substr(markers[b - 1].pos, markers[b].pos - markers[b - 1].pos).find("\n\n") ==
               absl::string_view::npos) {
      ++b;
    }
    size_t max_gap = 0;
    for (size_t k = a + 1; k < b; ++k) max_gap = std::max(max_gap, markers[k].pos - markers[k - 1].pos);
    if (b - a >= 2 && (!markers[a].dot_only || markers[a].after_end || max_gap <= 60)) {
      for (size_t k = a; k < b; ++k) out.push_back(markers[k].pos);
    }
    a = b;
  }
  return out;
}

std::vector<size_t> FindWeakBreaks(absl::string_view text) {
  std::vector<size_t> out;
  ByteScanner ends(text, ".!?");
  for (size_t i = ends.Next(0); i < text.size();) {
    size_t j = i + 1;
    while (j < text.size() && (text[j] == '.' || text[j] == '!' || text[j] == '?')) ++j;
    while (j < text.size()) {
      size_t n;
      if (!IsClosing(DecodeAt(text, j, &n))) break;
      j += n;
    }
    const size_t k = SkipSpace(text, j);
    i = ends.Next(j);
    if (k == j || k >= text.size()) continue;
    size_t n;
    const char32_t first = DecodeAt(text, k, &n);
    if (IsDigit(first) || IsLower(first) || first == '@' || first == '#') {
      out.push_back(k);
    } else if (first == '-' || first == '`' || first == '\'' || first == '"') {
      size_t m;
      size_t q = k + n;
      while (q < text.size() && (text[q] == '`' || text[q] == '\'')) ++q;
      if (first == '-' && q < text.size() && text[q] == ' ') ++q;  // "? - Posted like ..."
      if (q < text.size() && IsUpper(DecodeAt(text, q, &m))) out.push_back(k);
    }
  }
  return out;
}

bool WeakBreakHolds(absl::string_view text, size_t prev_start, size_t pos, const SegmentRules& rules) {
  const size_t end = TrimBack(text, prev_start, pos);
  if (end <= prev_start) return false;
  const Token prev = TokenBefore(text, prev_start, end);
  absl::string_view w = StripLeading(text.substr(prev.start, prev.end - prev.start));
  if (rules.MayBeToken(w) && rules.by_token.contains(w)) return false;
  // Split the word from its final punctuation.
  size_t core_end = w.size();
  size_t dots = 0;
  bool other_end = false;
  while (core_end > 0) {
    size_t st;
    const char32_t c = DecodeBefore(w, core_end, &st);
    if (c == '.') {
      ++dots;
    } else if (c == '!' || c == '?') {
      other_end = true;
    } else if (!IsClosing(c)) {
      break;
    }
    core_end = st;
  }
  const absl::string_view core = w.substr(0, core_end);
  size_t letters = 0;
  size_t i = 0;
  while (i < core.size()) {
    size_t n;
    const char32_t c = DecodeAt(core, i, &n);
    if (c == '.') return false;  // "e.g.", "U.S.": abbreviation-like.
    if (IsLetter(c)) ++letters;
    i += n;
  }
  // Short or all-capital words before a dot are often abbreviations
  // ("Rs. 1000", "SEC. 1262", "INC. sold").
  bool has_lower = false;
  for (size_t j = 0; j < core.size();) {
    size_t n;
    if (IsLower(DecodeAt(core, j, &n))) has_lower = true;
    j += n;
  }
  // A year ends a sentence too: "founded in 1990. 2005 was".
  const bool year = letters == 0 && core.size() == 4 && dots == 1 &&
                    std::all_of(core.begin(), core.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!other_end && !year && (letters < 3 || !has_lower)) return false;
  if (rules.roman_ordinals && dots == 1 && RomanLetters(w) > 0) return false;  // "Eduard IV. und"
  const char32_t next = FirstChar(text.substr(pos));
  if (IsLower(next)) {
    // Only after a plain word ending in exactly one dot ("engineer.) at"
    // and '"great." she said' continue).
    if (!rules.lowercase_starts || other_end || dots != 1 || w.back() != '.') return false;
    for (size_t j = 0; j < core.size();) {
      size_t n;
      if (!IsLetter(DecodeAt(core, j, &n))) return false;
      j += n;
    }
  }
  return true;
}

std::string JoinReason(absl::string_view text, size_t prev_start, size_t pos, const SegmentRules& rules) {
  const size_t end = TrimBack(text, prev_start, pos);
  if (end <= prev_start) return "";
  const Token prev = TokenBefore(text, prev_start, end);
  switch (AbbreviationVerdict(text, prev_start, prev, pos, rules)) {
    case Verdict::kJoin:
      return "abbreviation";
    case Verdict::kBreak:
      return "";
    case Verdict::kUnknown:
      break;
  }

  const absl::string_view w = StripLeading(text.substr(prev.start, prev.end - prev.start));
  // The word after the break without punctuation ("März," -> "März"), for
  // the rules that look at it.
  auto next_word = [&]() {
    const Token next = TokenAt(text, pos);
    return StripAllTrailing(StripLeading(text.substr(next.start, next.end - next.start)));
  };
  // The word before `w`, lower-cased, for the cue tables.
  auto word_before = [&]() -> std::string {
    const size_t e = TrimBack(text, prev_start, prev.start);
    if (e <= prev_start) return "";
    Token t = TokenBefore(text, prev_start, e);
    return Lower(StripAllTrailing(StripLeading(text.substr(t.start, t.end - t.start))));
  };

  // "!Xũ": a terminal that starts a token is a letter of the word.
  {
    size_t st = 0;
    const char32_t c = DecodeBefore(text, pos, &st);
    if ((c == '!' || c == 0x01C3) && (st == 0 || IsSpace(DecodeBefore(text, st, &st)))) return "click_letter";
    // ".../search?q=...": ICU breaks inside a token before a lower-case letter.
    if (!IsSpace(c) && IsLower(FirstChar(text.substr(pos)))) return "inside_token";
  }
  if (ListMarkerValue(w) != 0 && OnlyBulletsBefore(text, prev_start, prev.start)) return "list_number";
  if (const size_t digits = OrdinalDigits(w); digits > 0) {
    const absl::string_view next = next_word();
    if (digits <= 2 && rules.months.contains(next)) return "ordinal_month";
    if (digits <= 3 && rules.ordinal_cues.contains(word_before())) return "ordinal_cue";
    // "des späten 15. Jahrhunderts": before a capitalized word that does
    // not usually open a sentence.
    if (digits <= 3 && rules.ordinal_dots && IsUpper(FirstChar(next)) && !rules.starters.contains(next)) {
      return "ordinal_noun";
    }
  }
  // '"Hallo!" sagte er', "(mit Personal!) und": ICU breaks after "!" and
  // "?" even before a lower-case word. Only a quoted or bracketed "!" or
  // "?" is joined: in web text "great! answered all" starts a sentence.
  {
    size_t i = end;
    char32_t last = 0;
    bool closed = false;
    while (i > prev.start) {
      size_t st;
      last = DecodeBefore(text, i, &st);
      if (!IsClosing(last)) break;
      closed = true;
      i = st;
    }
    if (closed && (last == '!' || last == '?') && IsLower(FirstChar(text.substr(pos)))) return "quoted_exclamation";
    // "She works at Yahoo! in the ...": a bare "!" before a lower-case word.
    if (!closed && last == '!' && rules.exclamation_continues && IsLower(FirstChar(text.substr(pos)))) {
      return "exclamation_lower";
    }
  }
  if (rules.roman_ordinals) {
    if (const size_t letters = RomanLetters(w); letters > 0) {
      const std::string before = word_before();
      if (rules.ordinal_cues.contains(before)) return "roman_ordinal";
    }
  }
  // "J. R. R. Tolkien", "L.F. Rothschild"; but "the I.V. It was".
  if (rules.initials && IsInitial(w)) {
    const absl::string_view next = next_word();
    if (IsUpper(FirstChar(next)) && !rules.starters.contains(next)) return "initial";
  }
  // '"… stairways [...]" (Smith 55).': a parenthesis right after a quotation.
  if (FirstChar(text.substr(pos)) == '(') {
    size_t st;
    if (IsClosing(DecodeBefore(text, end, &st)) && DecodeBefore(text, end, &st) != ')') return "quote_parenthesis";
  }
  return "";
}

std::vector<size_t> FixBreaks(absl::string_view text, const std::vector<Break>& breaks,
                              const SegmentRules& rules) {
  std::vector<size_t> kept;
  kept.reserve(breaks.size());
  std::vector<std::pair<size_t, size_t>> quotes;
  if (rules.quotes_hold) quotes = FindQuotations(text, rules.max_quotation_bytes);
  size_t q = 0;
  size_t prev_start = 0;
  for (size_t i = 0; i < breaks.size(); ++i) {
    const Break& b = breaks[i];
    size_t pos = b.pos;
    if (!b.hard) {
      // ICU counts an opening bracket glued to the sentence end as closing
      // punctuation ("martyr.[1] The"): the break goes before it.
      while (pos > prev_start + 1) {
        size_t st;
        const char32_t c = DecodeBefore(text, pos, &st);
        if (c != '[' && c != '(') break;
        pos = st;
      }
      // Inside a quotation that closes in the same paragraph, sentences
      // stay together: '"Dear, dear! How queer everything is!" she said'.
      while (q < quotes.size() && quotes[q].second <= pos) ++q;
      if (q < quotes.size() && quotes[q].first < pos) continue;
      if (b.weak && !WeakBreakHolds(text, prev_start, pos, rules)) continue;
      if (!JoinReason(text, prev_start, pos, rules).empty()) continue;
      // A footnote reference after a sentence end belongs to that sentence.
      const Token t = text[pos] == '[' ? TokenAt(text, pos) : Token{pos, pos};
      if (IsReference(text.substr(t.start, t.end - t.start))) {
        pos = SkipSpace(text, t.end);
        if (pos >= text.size() || (i + 1 < breaks.size() && breaks[i + 1].pos <= pos)) continue;
      }
    }
    kept.push_back(pos);
    prev_start = pos;
  }
  return kept;
}

absl::StatusOr<SegmentRules> BuildSegmentRules(const Lexicon& lexicon) {
  SegmentRules rules;
  const LexiconTable& abbreviations = lexicon.Table("abbreviations");
  auto add = [&rules](std::vector<std::string> tokens, AbbreviationKind kind) {
    const int index = static_cast<int>(rules.abbreviations.size());
    for (const std::string& t : tokens) {
      if (t.size() == 1) {
        rules.token_last_byte.set(static_cast<unsigned char>(t.back()));
      } else if (t.size() > 1) {
        rules.token_last_pair.set(static_cast<size_t>(static_cast<unsigned char>(t[t.size() - 2])) << 8 |
                                  static_cast<unsigned char>(t.back()));
      }
      std::vector<int>& v = rules.by_token[t];
      if (v.empty() || v.back() != index) v.push_back(index);
    }
    rules.max_abbreviation_tokens = std::max(rules.max_abbreviation_tokens, tokens.size());
    rules.abbreviations.push_back({std::move(tokens), kind});
  };
  for (const LexiconRow& row : abbreviations.rows) {
    const std::string& kind_name = row.Field(1);
    AbbreviationKind kind;
    if (kind_name.empty() || kind_name == "inner") {
      kind = AbbreviationKind::kInner;
    } else if (kind_name == "final") {
      kind = AbbreviationKind::kFinal;
    } else if (kind_name == "starter") {
      kind = AbbreviationKind::kStarter;
    } else {
      return absl::InvalidArgumentError(absl::StrCat(abbreviations.path, ":", row.line,
                                                     ": unknown abbreviation kind \"", kind_name,
                                                     "\" (expected inner, final or starter)"));
    }
    std::vector<std::string> tokens = absl::StrSplit(row.fields[0], ' ', absl::SkipEmpty());
    if (tokens.empty()) continue;
    // Sentence-initial spelling: "z. T." is also written "Z. T.". Not for
    // one-letter entries: "p." (page) must not make "RFP." an abbreviation.
    const bool one_letter = tokens.size() == 1 && tokens[0].size() <= 2;
    if (!one_letter && IsLower(FirstChar(tokens[0]))) {
      std::vector<std::string> upper = tokens;
      upper[0] = UpperFirst(upper[0]);
      add(std::move(upper), kind);
    }
    add(std::move(tokens), kind);
  }
  for (const LexiconRow& row : lexicon.Table("months").rows) rules.months.insert(row.fields[0]);
  for (const LexiconRow& row : lexicon.Table("segment_ordinal_cues").rows) {
    rules.ordinal_cues.insert(Lower(row.fields[0]));
  }
  for (const LexiconRow& row : lexicon.Table("segment_starters").rows) rules.starters.insert(row.fields[0]);
  const LexiconTable& settings = lexicon.Table("segment_settings");
  rules.roman_ordinals = settings.Get("roman_ordinals", "false") == "true";
  rules.initials = settings.Get("initials", "true") == "true";
  rules.ordinal_dots = settings.Get("ordinal_dots", "false") == "true";
  rules.quotes_hold = settings.Get("quotes_hold", "true") == "true";
  rules.exclamation_continues = settings.Get("exclamation_continues", "false") == "true";
  rules.lowercase_starts = settings.Get("lowercase_starts", "false") == "true";
  return rules;
}

}  // namespace claimdiff::segment_internal
