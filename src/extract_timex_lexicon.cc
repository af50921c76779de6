#include "extract_timex_lexicon.h"

#include <cstdlib>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "unicode/uchar.h"
#include "unicode/utf8.h"

namespace claimdiff {
namespace timex {
namespace {

struct KindName {
  const char* name;
  Kind kind;
};

constexpr KindName kKindNames[] = {
    {"unit", Kind::kUnit},           {"number", Kind::kNumber},
    {"vague_number", Kind::kVagueNumber}, {"ordinal", Kind::kOrdinal},
    {"offset", Kind::kOffset},       {"day_offset", Kind::kDayOffset},
    {"ref", Kind::kRef},             {"part_of_day", Kind::kPartOfDay},
    {"part", Kind::kPart},           {"half", Kind::kHalf},
    {"season", Kind::kSeason},       {"set_adverb", Kind::kSetAdverb},
    {"dur_adverb", Kind::kDurAdverb},{"set_quant", Kind::kSetQuant},
    {"mod", Kind::kMod},             {"det", Kind::kDet},
    {"month_cue", Kind::kMonthCue},  {"year_cue", Kind::kYearCue},
    {"dur_cue", Kind::kDurCue},      {"shift", Kind::kShift},
    {"ago", Kind::kAgo},             {"ago_post", Kind::kAgoPost},
    {"decade", Kind::kDecade},       {"decade_suffix", Kind::kDecadeSuffix},
    {"clock", Kind::kClock},         {"conj", Kind::kConj},
    {"rel_unit", Kind::kRelUnit},    {"times", Kind::kTimes},
    {"bc", Kind::kBc},               {"same", Kind::kSame},
    {"weekday_set", Kind::kWeekdaySet}, {"ordinal_suffix", Kind::kOrdinalSuffix},
    {"age_cue", Kind::kAgeCue}, {"pod_cue", Kind::kPodCue},
    {"later_pre", Kind::kLaterPre}, {"count_unit", Kind::kCountUnit},
};

bool IsDigitChar(UChar32 c) { return c >= 0 && c < 0x80 ? c >= '0' && c <= '9' : u_isdigit(c); }

bool IsAlphaChar(UChar32 c) { return c >= 0 && c < 0x80 ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' : u_isalpha(c); }

bool IsWordChar(UChar32 c) {
  if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return true;  // ASCII letters without ICU look-ups.
  return u_isalpha(c) || c == '\'' || u_hasBinaryProperty(c, UCHAR_DIACRITIC);
}

}  // namespace

std::string Fold(absl::string_view s) {
  std::string out;
  out.reserve(s.size());
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(s.size());
  const uint8_t* p = reinterpret_cast<const uint8_t*>(s.data());
  while (i < n) {
    if (p[i] < 0x80) {
      out.push_back(absl::ascii_tolower(static_cast<char>(p[i])));
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) continue;
    c = u_foldCase(c, U_FOLD_CASE_DEFAULT);
    char buf[4];
    int32_t len = 0;
    UBool err = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, c, err);
    if (!err) out.append(buf, static_cast<size_t>(len));
  }
  return out;
}

std::vector<Token> Tokenize(absl::string_view text, size_t base) {
  std::vector<Token> out;
  out.reserve(text.size() / 5 + 4);
  const uint8_t* p = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0 || u_isUWhiteSpace(c) || c == 0xAD) continue;
    Token t;
    t.begin = base + static_cast<size_t>(start);
    if (IsDigitChar(c)) {
      // Digits, then optionally letters ("1990er", "2024er").
      int32_t j = i;
      long long v = c - '0';
      int digits = 1;
      while (j < n) {
        int32_t k = j;
        UChar32 d;
        U8_NEXT(p, k, n, d);
        if (d < 0 || !IsDigitChar(d)) break;
        if (digits < 12) v = v * 10 + (d - '0');
        ++digits;
        j = k;
      }
      int32_t letters_start = j;
      while (j < n) {
        int32_t k = j;
        UChar32 d;
        U8_NEXT(p, k, n, d);
        if (d < 0 || !(IsDigitChar(d) || IsAlphaChar(d))) break;
        j = k;
      }
      t.num = v;
      t.digits = digits;
      t.type = j > letters_start ? TokType::kAlnum : TokType::kNum;
      if (j > letters_start) t.suffix = Fold(text.substr(letters_start, j - letters_start));
      i = j;
    } else if (IsWordChar(c)) {
      t.cap = u_isupper(c) || u_istitle(c);
      int32_t j = i;
      while (j < n) {
        int32_t k = j;
        UChar32 d;
        U8_NEXT(p, k, n, d);
        if (d < 0 || !(IsWordChar(d) || IsDigitChar(d))) break;
        j = k;
      }
      t.type = TokType::kWord;
      i = j;
    } else {
      t.type = TokType::kPunct;
    }
    t.end = base + static_cast<size_t>(i);
    t.text = std::string(text.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
    t.fold = t.type == TokType::kNum ? t.text : Fold(t.text);
    out.push_back(std::move(t));
  }
  return out;
}

void TimeLexicon::Add(const std::string& surface, Entry e) {
  std::vector<Token> toks = Tokenize(surface, 0);
  if (toks.empty()) return;
  e.surface = surface;
  e.words = static_cast<int>(toks.size());
  for (size_t i = 1; i < toks.size(); ++i) e.tail.push_back(e.exact ? toks[i].text : toks[i].fold);
  by_first_filter_.Add(toks[0].fold);
  by_first_[toks[0].fold].push_back(std::move(e));
  if (toks.size() == 1) max_head_ = std::max(max_head_, toks[0].fold.size());
}

absl::StatusOr<TimeLexicon> TimeLexicon::Compile(const Lexicon& lexicon) {
  TimeLexicon lex;
  for (const char* table : {"months", "weekdays"}) {
    const LexiconTable& t = lexicon.Table(table);
    for (const LexiconRow& row : t.rows) {
      int v = 0;
      if (!absl::SimpleAtoi(row.Field(1), &v) || v < 1 || v > (table[0] == 'm' ? 12 : 7)) {
        return absl::InvalidArgumentError(
            absl::StrCat(t.path, ":", row.line, ": expected a number in the second field"));
      }
      Entry e{table[0] == 'm' ? Kind::kMonth : Kind::kWeekday};
      e.num = v;
      lex.Add(row.Field(0), std::move(e));
    }
  }
  const LexiconTable& words = lexicon.Table("time_words");
  for (const LexiconRow& row : words.rows) {
    const std::string& kind = row.Field(1);
    const KindName* found = nullptr;
    for (const KindName& k : kKindNames) {
      if (kind == k.name) found = &k;
    }
    if (found == nullptr) {
      return absl::InvalidArgumentError(
          absl::StrCat(words.path, ":", row.line, ": unknown time word kind \"", kind, "\""));
    }
    Entry e{found->kind};
    e.value = row.Field(2);
    e.extra = row.Field(3);
    e.exact = e.extra == "exact";
    if (e.exact) e.extra.clear();
    double d = 0;
    if (!e.value.empty() && absl::SimpleAtod(e.value, &d)) e.num = d;
    if (e.kind == Kind::kRelUnit && !absl::SimpleAtod(e.extra, &d)) {
      return absl::InvalidArgumentError(
          absl::StrCat(words.path, ":", row.line, ": rel_unit needs an offset in the fourth field"));
    }
    if (e.kind == Kind::kRelUnit) e.num = d;
    lex.Add(row.Field(0), std::move(e));
  }
  // Measure words ("Stärke 5.9." is no date), one surface per row.
  for (const LexiconRow& row : lexicon.Table("time_measure_cues").rows) {
    if (!row.Field(0).empty()) lex.Add(row.Field(0), Entry{Kind::kMeasureCue});
  }
  const LexiconTable& tense = lexicon.Table("tense");
  for (const LexiconRow& row : tense.rows) {
    const std::string& t = row.Field(1);
    if (t != "past" && t != "future" && t != "present") {
      return absl::InvalidArgumentError(
          absl::StrCat(tense.path, ":", row.line, ": tense must be past, future or present"));
    }
    if (row.Field(2) == "suffix") {
      lex.tense_suffixes_.emplace_back(Fold(row.Field(0)), t);
    } else {
      lex.tense_words_[Fold(row.Field(0))] = t;
    }
  }
  return lex;
}

std::vector<const Entry*> TimeLexicon::Lookup(const Token& t) const {
  std::vector<const Entry*> out;
  if (t.type == TokType::kNum) return out;
  if (!by_first_filter_.MayContain(t.fold)) return out;
  auto it = by_first_.find(t.fold);
  if (it == by_first_.end()) return out;
  for (const Entry& e : it->second) {
    if (e.exact && e.surface.compare(0, t.text.size(), t.text) != 0) continue;
    out.push_back(&e);
  }
  return out;
}

const std::vector<Entry>* TimeLexicon::LookupFolded(absl::string_view fold) const {
  if (!by_first_filter_.MayContain(fold)) return nullptr;
  auto it = by_first_.find(fold);
  return it == by_first_.end() ? nullptr : &it->second;
}

bool TimeLexicon::SplitCompound(absl::string_view fold, const Entry** head, const Entry** tail) const {
  if (fold.size() < 6) return false;
  size_t limit = std::min(max_head_, fold.size() - 3);
  for (size_t cut = 3; cut <= limit; ++cut) {
    if ((static_cast<uint8_t>(fold[cut]) & 0xC0) == 0x80) continue;  // Inside a character.
    const std::vector<Entry>* h = LookupFolded(fold.substr(0, cut));
    if (h == nullptr) continue;
    const std::vector<Entry>* t = LookupFolded(fold.substr(cut));
    if (t == nullptr) continue;
    for (const Entry& he : *h) {
      if (he.words != 1) continue;
      bool head_ok = he.kind == Kind::kMonth || he.kind == Kind::kWeekday ||
                     (he.kind == Kind::kUnit && (he.extra == "gen" || he.extra.empty()));
      if (!head_ok) continue;
      for (const Entry& te : *t) {
        if (te.words != 1) continue;
        if (te.kind == Kind::kPartOfDay || te.kind == Kind::kPart || te.kind == Kind::kHalf) {
          *head = &he;
          *tail = &te;
          return true;
        }
      }
    }
  }
  return false;
}

std::vector<std::pair<size_t, std::string>> TimeLexicon::TenseCues(const std::vector<Token>& tokens) const {
  std::vector<std::pair<size_t, std::string>> out;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (t.type != TokType::kWord) continue;
    auto it = tense_words_.find(t.fold);
    if (it != tense_words_.end()) {
      out.emplace_back(i, it->second);
      continue;
    }
    for (const auto& [suffix, tense] : tense_suffixes_) {
      if (t.fold.size() > suffix.size() + 3 &&
          t.fold.compare(t.fold.size() - suffix.size(), suffix.size(), suffix) == 0) {
        out.emplace_back(i, tense);
        break;
      }
    }
  }
  return out;
}

std::string TimeLexicon::Tense(const std::vector<Token>& tokens) const { return TenseOf(TenseCues(tokens)); }

std::string TimeLexicon::TenseOf(const std::vector<std::pair<size_t, std::string>>& cues) {
  bool past = false, future = false;
  for (const auto& [i, tense] : cues) (tense == "future" ? future : past) = true;
  if (future) return "future";
  if (past) return "past";
  return "present";
}

}  // namespace timex
}  // namespace claimdiff
