#include "segment_rules.h"

#include "absl/status/status.h"
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

char32_t FirstChar(absl::string_view s) {
  if (s.empty()) return 0;
  size_t n;
  return DecodeAt(s, 0, &n);
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

bool IsInitial(absl::string_view w) {
  if (w.size() < 2 || w.back() != '.') return false;
  size_t n;
  char32_t c = DecodeAt(w, 0, &n);
  return n + 1 == w.size() && IsUpper(c);
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

bool AbbreviationJoins(absl::string_view text, size_t floor, Token prev, Token next,
                       const SegmentRules& rules) {
  absl::string_view w = StripLeading(text.substr(prev.start, prev.end - prev.start));
  auto it = rules.by_token.find(w);
  if (it == rules.by_token.end()) return false;
  const size_t max_n = rules.max_abbreviation_tokens;
  // Tokens before the break (nearest first) and after it.
  std::vector<absl::string_view> before = {w};
  size_t end = prev.start;
  while (before.size() < max_n) {
    end = TrimBack(text, floor, end);
    if (end <= floor) break;
    Token t = TokenBefore(text, floor, end);
    before.push_back(StripLeading(text.substr(t.start, t.end - t.start)));
    end = t.start;
  }
  std::vector<absl::string_view> after;
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
      if (k + 1 < n) return true;  // The break falls inside the abbreviation.
      switch (a.kind) {
        case AbbreviationKind::kInner:
          return true;
        case AbbreviationKind::kFinal:
          return !IsUpper(FirstChar(next_word));
        case AbbreviationKind::kStarter:
          return !rules.starters.contains(StripAllTrailing(next_word));
      }
    }
  }
  return false;
}

}  // namespace

std::string JoinReason(absl::string_view text, size_t prev_start, size_t pos, const SegmentRules& rules) {
  const size_t end = TrimBack(text, prev_start, pos);
  if (end <= prev_start) return "";
  const Token prev = TokenBefore(text, prev_start, end);
  const Token next = TokenAt(text, pos);
  if (AbbreviationJoins(text, prev_start, prev, next, rules)) return "abbreviation";

  const absl::string_view w = StripLeading(text.substr(prev.start, prev.end - prev.start));
  const absl::string_view next_word =
      StripAllTrailing(StripLeading(text.substr(next.start, next.end - next.start)));
  // The word before `w`, lower-cased, for the cue tables.
  auto word_before = [&]() -> std::string {
    const size_t e = TrimBack(text, prev_start, prev.start);
    if (e <= prev_start) return "";
    Token t = TokenBefore(text, prev_start, e);
    return Lower(StripAllTrailing(StripLeading(text.substr(t.start, t.end - t.start))));
  };

  if (const size_t digits = OrdinalDigits(w); digits > 0) {
    if (digits <= 2 && rules.months.contains(next_word)) return "ordinal_month";
    if (digits <= 3 && OnlyBulletsBefore(text, prev_start, prev.start)) return "list_number";
    if (digits <= 3 && rules.ordinal_cues.contains(word_before())) return "ordinal_cue";
  }
  if (rules.roman_ordinals) {
    if (const size_t letters = RomanLetters(w); letters > 0) {
      const std::string before = word_before();
      if (rules.ordinal_cues.contains(before)) return "roman_ordinal";
    }
  }
  if (rules.initials && IsInitial(w) && IsUpper(FirstChar(next_word))) return "initial";
  return "";
}

std::vector<size_t> FixBreaks(absl::string_view text, const std::vector<Break>& breaks,
                              const SegmentRules& rules) {
  std::vector<size_t> kept;
  kept.reserve(breaks.size());
  size_t prev_start = 0;
  for (const Break& b : breaks) {
    if (b.hard || JoinReason(text, prev_start, b.pos, rules).empty()) {
      kept.push_back(b.pos);
      prev_start = b.pos;
    }
  }
  return kept;
}

absl::StatusOr<SegmentRules> BuildSegmentRules(const Lexicon& lexicon) {
  SegmentRules rules;
  const LexiconTable& abbreviations = lexicon.Table("abbreviations");
  auto add = [&rules](std::vector<std::string> tokens, AbbreviationKind kind) {
    const int index = static_cast<int>(rules.abbreviations.size());
    for (const std::string& t : tokens) {
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
    // Sentence-initial spelling: "z. T." is also written "Z. T.".
    if (IsLower(FirstChar(tokens[0]))) {
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
  return rules;
}

}  // namespace claimdiff::segment_internal
