#include "extract_quantities.h"

#include <cmath>
#include <limits>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "status_macros.h"

namespace claimdiff {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

absl::Status ParseDouble(const LexiconTable& table, const LexiconRow& row, size_t field, double* out) {
  const std::string& s = row.Field(field);
  if (s.empty()) {
    *out = 0;
    return absl::OkStatus();
  }
  if (!absl::SimpleAtod(s, out)) {
    return absl::InvalidArgumentError(absl::StrCat(table.path, ":", row.line, ": field ", field + 1,
                                                   " is not a number: '", s, "'"));
  }
  return absl::OkStatus();
}

void SetPositions(const std::string& position, bool* after, bool* before) {
  *after = position.empty() || position == "after" || position == "both";
  *before = position == "before" || position == "both";
}

bool IsBreak(const Token& t) { return t.kind == Token::kPunct && t.folded != "-"; }

// Letters A-Z only, at least one ("AK", "MH").
bool AllCapitals(absl::string_view word) {
  if (word.empty()) return false;
  for (char c : word) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

}  // namespace

absl::StatusOr<std::unique_ptr<QuantityTagger>> QuantityTagger::Create(const Lexicon& lexicon,
                                                                         const Stemmer& stemmer) {
  std::unique_ptr<QuantityTagger> t(new QuantityTagger());
  const LexiconTable& locale = lexicon.Table("locale");
  if (std::string d = locale.Get("decimal_separator"); d.size() == 1) t->decimal_ = d[0];
  if (std::string g = locale.Get("group_separator"); g.size() == 1) t->group_ = g[0];
  const LexiconTable& settings = lexicon.Table("claims");
  if (std::string v = settings.Get("about_tolerance"); !v.empty()) absl::SimpleAtod(v, &t->about_tolerance_);
  if (std::string v = settings.Get("count_window"); !v.empty()) absl::SimpleAtoi(v, &t->count_window_);
  t->ordinal_digit_dot_ = settings.Get("ordinal_digit_dot") == "yes";
  t->count_head_capitalized_ = settings.Get("count_head") == "capitalized";
  for (const std::string& s : settings.GetAll("count_head_suffix")) t->count_head_suffixes_.push_back(FoldCase(s));
  for (const std::string& s : settings.GetAll("ordinal_suffix")) t->ordinal_suffixes_.Insert(FoldCase(s));

  const LexiconTable& words = lexicon.Table("number_words");
  for (const LexiconRow& row : words.rows) {
    CLAIMDIFF_RETURN_IF_ERROR(CheckFields(words, row, 3));
    NumberWord w;
    w.kind = row.Field(1);
    if (w.kind != "cardinal" && w.kind != "multiplier" && w.kind != "vague" && w.kind != "ordinal") {
      return absl::InvalidArgumentError(absl::StrCat(words.path, ":", row.line, ": unknown kind '", w.kind,
                                                     "' (cardinal, multiplier, vague, ordinal)"));
    }
    CLAIMDIFF_RETURN_IF_ERROR(ParseDouble(words, row, 2, &w.value));
    CLAIMDIFF_RETURN_IF_ERROR(ParseDouble(words, row, 3, &w.low));
    CLAIMDIFF_RETURN_IF_ERROR(ParseDouble(words, row, 4, &w.high));
    t->number_rows_.push_back(w);
  }
  AddPhrases(words, nullptr, &t->number_words_);

  const LexiconTable& approx = lexicon.Table("quantity_approx");
  for (const LexiconRow& row : approx.rows) {
    CLAIMDIFF_RETURN_IF_ERROR(CheckFields(approx, row, 2));
    t->approx_rows_.push_back(row.Field(1));
  }
  AddPhrases(approx, nullptr, &t->approx_);

  const LexiconTable& units = lexicon.Table("units");
  for (const LexiconRow& row : units.rows) {
    CLAIMDIFF_RETURN_IF_ERROR(CheckFields(units, row, 2));
    Unit u;
    u.canonical = row.Field(1);
    SetPositions(row.Field(2), &u.after, &u.before);
    t->units_.Insert(FoldCase(row.fields[0]), u);
  }

  const LexiconTable& counts = lexicon.Table("quantity_counts");
  for (const LexiconRow& row : counts.rows) {
    CLAIMDIFF_RETURN_IF_ERROR(CheckFields(counts, row, 2));
    Count c;
    c.counts = row.Field(1);
    c.generic = row.Field(2) == "generic";
    SetPositions(row.Field(3), &c.after, &c.before);
    std::string f = FoldCase(row.fields[0]);
    t->counts_exact_.Insert(f, c);
    t->counts_stem_.Insert(stemmer.Stem(f), c);
  }
  for (const LexiconRow& row : lexicon.Table("months").rows) t->months_.Insert(FoldCase(row.fields[0]));
  for (const LexiconRow& row : lexicon.Table("stopwords").rows) t->stopwords_.Insert(FoldCase(row.fields[0]));
  for (const std::string& s : settings.GetAll("unit_link")) t->unit_links_.Insert(FoldCase(s));
  for (const std::string& s : settings.GetAll("group_link")) t->group_links_.Insert(FoldCase(s));
  for (const std::string& s : settings.GetAll("group_start")) t->group_starts_.Insert(FoldCase(s));
  return t;
}

size_t QuantityTagger::CountHead(const std::vector<Token>& tokens, size_t j, const std::vector<bool>& skip) const {
  // The words of the noun phrase: up to a break, a number, a stopword or
  // an extracted span, at most count_window_.
  size_t end = j;
  while (end < tokens.size() && end < j + count_window_ && tokens[end].kind == Token::kWord && !skip[end] &&
         !stopwords_.Contains(tokens[end].folded, tokens[end].folded_print)) {
    ++end;
  }
  if (count_head_capitalized_) {
    for (size_t k = end; k > j; --k) {
      if (tokens[k - 1].upper) return k - 1;
    }
  }
  for (size_t k = j; k < end; ++k) {
    for (const std::string& suffix : count_head_suffixes_) {
      if (tokens[k].folded.size() > suffix.size() + 2 && absl::EndsWith(tokens[k].folded, suffix)) return k;
    }
  }
  return j;
}

const QuantityTagger::Count* QuantityTagger::CountAt(const Token& t) const {
  if (t.kind != Token::kWord) return nullptr;
  if (const Count* c = counts_exact_.Find(t.folded, t.folded_print)) return c;
  if (!t.stem.empty()) return counts_stem_.Find(t.stem, t.stem_print);
  return nullptr;
}

const QuantityTagger::Unit* QuantityTagger::UnitAt(const Token& t, bool after) const {
  const Unit* u = units_.Find(t.folded, t.folded_print);
  if (u == nullptr || (after ? !u->after : !u->before)) return nullptr;
  return u;
}

std::vector<Quantity> QuantityTagger::Find(absl::string_view text, const std::vector<Token>& tokens,
                                           const std::vector<bool>& skip, const EventTagger* events) const {
  std::vector<Quantity> out;
  const size_t n = tokens.size();
  // Approximation phrases ("rund", "at least"), a few per sentence at most.
  const std::vector<PhraseTable::Match> approx_matches = approx_.FindAll(tokens, 0, n);
  // The approximation phrase (the last found) that ends right before token k, or nullptr.
  auto approx_before = [&approx_matches](size_t k) {
    const PhraseTable::Match* found = nullptr;
    for (const PhraseTable::Match& m : approx_matches) {
      if (m.end == k) found = &m;
    }
    return found;
  };
  auto is_month = [&](size_t k) {
    return k < n && months_.Contains(tokens[k].folded, tokens[k].folded_print);
  };

  size_t i = 0;
  while (i < n) {
    if (skip[i]) {
      ++i;
      continue;
    }
    const Token& t = tokens[i];
    // A quantity starts at a number or a number word: most tokens are
    // neither, and are passed before a Quantity is made.
    std::optional<PhraseTable::Match> number_word;
    if (t.kind == Token::kWord) number_word = number_words_.MatchAt(tokens, i, n);
    if (t.kind != Token::kNumber && !number_word) {
      ++i;
      continue;
    }
    Quantity q;
    size_t end = i + 1;  // One past the number.
    bool ok = false;
    bool digits = false;
    if (t.kind == Token::kNumber) {
      // Glued to a word before ("G20") or a clock time ("10:30"): no quantity.
      if (i > 0 && Glued(t) && tokens[i - 1].kind == Token::kWord) {
        ++i;
        continue;
      }
      // The number of a designation: a hyphen after letters in capitals
      // ("AK-47", "F-16", "MH-17"), not a measure ("magnitude-5.2").
      if (i > 1 && Glued(t) && tokens[i - 1].folded == "-" && Glued(tokens[i - 1]) &&
          tokens[i - 2].kind == Token::kWord && AllCapitals(text.substr(tokens[i - 2].start,
                                                                       tokens[i - 2].end - tokens[i - 2].start))) {
        ++i;
        continue;
      }
      // A word glued after ("76ers", "3D") that is no unit or ordinal suffix.
      if (i + 1 < n && Glued(tokens[i + 1]) && tokens[i + 1].kind == Token::kWord &&
          UnitAt(tokens[i + 1], true) == nullptr &&
          !ordinal_suffixes_.Contains(tokens[i + 1].folded, tokens[i + 1].folded_print)) {
        i += 2;
        continue;
      }
      if (i + 2 < n && tokens[i + 1].folded == ":" && Glued(tokens[i + 1]) && tokens[i + 2].kind == Token::kNumber) {
        i += 3;
        continue;
      }
      auto v = ParseNumber(t.folded, decimal_, group_);
      if (!v) {
        ++i;
        continue;
      }
      q.value = *v;
      ok = true;
      digits = true;
      // Ordinal written with digits: "2." (German) or "2nd" (English).
      if (i + 1 < n && Glued(tokens[i + 1])) {
        const Token& next = tokens[i + 1];
        if ((ordinal_digit_dot_ && next.folded == ".") ||
            ordinal_suffixes_.Contains(next.folded, next.folded_print)) {
          // Dates ("23. April", "der 23. oder 24. April") are the time
          // tagger's; keep the ordinal only when a count word follows.
          const Count* c = i + 2 < n ? CountAt(tokens[i + 2]) : nullptr;
          if (c == nullptr || is_month(i + 2)) {
            i += 2;
            continue;
          }
          q.ordinal = true;
          end = i + 2;
        }
      }
      if (is_month(i + 1) || (i > 0 && is_month(i - 1))) {
        ++i;
        continue;
      }
    } else if (t.kind == Token::kWord) {
      if (const std::optional<PhraseTable::Match>& m = number_word) {
        const NumberWord& w = number_rows_[static_cast<size_t>(m->payload)];
        if (w.kind == "multiplier") {
          // A multiplier alone ("Millionen Menschen") is vague.
          q.value = w.value;
          q.approx = "vague";
          q.low = w.low;
          q.high = w.high;
        } else {
          q.value = w.value;
          q.ordinal = w.kind == "ordinal";
          if (w.kind == "vague") {
            q.approx = "vague";
            q.low = w.low;
            q.high = w.high;
          }
        }
        end = m->end;
        ok = true;
      }
    }
    if (!ok) {
      ++i;
      continue;
    }
    // A multiplier after the number: "1,5 Millionen", "2.3 million".
    if (!q.ordinal && q.approx != "vague" && end < n) {
      if (auto m = number_words_.MatchAt(tokens, end, n)) {
        const NumberWord& w = number_rows_[static_cast<size_t>(m->payload)];
        if (w.kind == "multiplier") {
          q.value *= w.value;
          end = m->end;
        }
      }
    }
    size_t begin = i;
    // Approximation before the number ("at least", "rund").
    const PhraseTable::Match* approx_match = approx_before(i);
    std::string approx =
        approx_match != nullptr ? approx_rows_[static_cast<size_t>(approx_match->payload)] : "";
    size_t left = i;  // First token of the quantity phrase.
    if (!approx.empty()) left = approx_match->begin;
    // Unit after ("5.9-magnitude", "10 %") or before ("Stärke 5,9").
    size_t j = end;
    if (j + 1 < n && tokens[j].folded == "-" && Glued(tokens[j]) && Glued(tokens[j + 1])) {
      if (const Unit* u = UnitAt(tokens[j + 1], true)) {
        q.unit = u->canonical;
        j += 2;
      }
    } else if (j < n) {
      if (const Unit* u = UnitAt(tokens[j], true)) {
        q.unit = u->canonical;
        ++j;
      }
    }
    if (q.unit.empty() && left > 0) {
      // "Stärke 5,9", "magnitude-5.2", "magnitude of 6.1".
      size_t u_at = left - 1;
      if (tokens[u_at].folded == "-" && Glued(tokens[left]) && u_at > 0) {
        --u_at;
      } else if (unit_links_.Contains(tokens[u_at].folded, tokens[u_at].folded_print) && u_at > 0) {
        --u_at;
      }
      const Unit* u = UnitAt(tokens[u_at], false);
      if (u == nullptr && u_at != left - 1) u = nullptr;
      if (u != nullptr) {
        q.unit = u->canonical;
        left = u_at;
      }
    }
    // Years: a bare four-digit integer that measures and counts nothing.
    // What it counts is decided below; remember to drop it then.
    bool year_like = digits && !q.ordinal && t.folded.size() == 4 && q.value >= 1000 && q.value <= 2100 &&
                     q.unit.empty() && approx.empty();
    // What is counted: the nearest count word to the right (passing a
    // generic one such as "people" when a specific one follows before the
    // clause ends: "Ten people are killed"), else a count verb to the left
    // ("killing at least three people").
    // A measure ("5.9-magnitude", "10 Prozent") counts nothing.
    const bool measure = !q.unit.empty();
    const Count* specific = nullptr;
    const Count* generic = nullptr;
    size_t specific_at = 0, generic_at = 0;
    // A count verb right before the number wins ("killed 26,000 people",
    // "killing at least 10"): a later one belongs to a later number
    // ("killed 10 people and injured 50").
    if (!measure && left > 0) {
      const Count* c = CountAt(tokens[left - 1]);
      if (c != nullptr && c->before && !c->generic) {
        specific = c;
        specific_at = left - 1;
      }
    }
    for (size_t k = j; specific == nullptr && !measure && k < n && k < j + count_window_ * 2; ++k) {
      if (IsBreak(tokens[k]) || tokens[k].kind == Token::kNumber) break;
      if (k >= j + count_window_ && generic == nullptr) break;
      const Count* c = CountAt(tokens[k]);
      if (c == nullptr || !c->after) continue;
      if (c->generic) {
        if (generic == nullptr) {
          generic = c;
          generic_at = k;
        }
        continue;
      }
      specific = c;
      specific_at = k;
      break;
    }
    if (specific == nullptr && !measure) {
      for (size_t k = left; k > 0 && k + 3 > left; --k) {
        const Token& b = tokens[k - 1];
        if (IsBreak(b)) break;
        const Count* c = CountAt(b);
        if (c != nullptr && c->before && !c->generic) {
          specific = c;
          specific_at = k - 1;
          break;
        }
      }
    }
    const Count* chosen = specific != nullptr ? specific : generic;
    size_t chosen_at = specific != nullptr ? specific_at : generic_at;
    if (chosen != nullptr) {
      q.counts = chosen->counts;
      q.counts_span = Span{tokens[chosen_at].start, tokens[chosen_at].end};
    } else if (!measure && j < n && tokens[j].kind == Token::kWord) {
      // No count word in the data: an event noun ("erste Gipfeltreffen" ->
      // meeting), else the counted noun as written, folded.
      size_t k = j;
      int row = -1;
      for (size_t w = j; events != nullptr && w < n && w < j + 3 && !IsBreak(tokens[w]); ++w) {
        if ((row = events->Lookup(tokens[w])) >= 0) {
          k = w;
          break;
        }
      }
      if (row >= 0) {
        q.counts = events->Class(row);
      } else {
        k = CountHead(tokens, j, skip);
        if (tokens[k].folded.size() >= 3 && !skip[k] &&
            !stopwords_.Contains(tokens[k].folded, tokens[k].folded_print)) {
          q.counts = tokens[k].folded;
        }
      }
      if (!q.counts.empty()) q.counts_span = Span{tokens[k].start, tokens[k].end};
    }
    // "killed two women and a man": the number counts one part of a
    // coordinated group, so the whole is at least this number.
    bool part_of_group = false;
    if (!measure && !q.ordinal) {
      for (size_t k = j; k < n && k < j + 3; ++k) {
        const Token& g = tokens[k];
        if (IsBreak(g) || g.kind == Token::kNumber) break;
        if (!group_links_.Contains(g.folded, g.folded_print)) continue;
        if (k > j && k + 1 < n) {
          const Token& next = tokens[k + 1];
          part_of_group = next.kind == Token::kNumber || group_starts_.Contains(next.folded, next.folded_print) ||
                          number_words_.MatchAt(tokens, k + 1, n).has_value();
        }
        break;
      }
    }
    if (year_like && chosen == nullptr) {
      i = end;
      continue;
    }
    // Interval of values the text allows.
    if (q.approx != "vague") {
      q.approx = approx.empty() ? (part_of_group ? "at_least" : "exact") : approx;
      if (q.approx == "exact") {
        q.low = q.high = q.value;
      } else if (q.approx == "about") {
        q.low = q.value * (1 - about_tolerance_);
        q.high = q.value * (1 + about_tolerance_);
      } else if (q.approx == "at_least" || q.approx == "more_than") {
        q.low = q.value;
        q.high = kInf;
      } else if (q.approx == "at_most" || q.approx == "less_than") {
        q.low = 0;
        q.high = q.value;
      } else {
        q.low = q.high = q.value;
      }
    } else if (!approx.empty()) {
      q.approx = approx;  // "mehr als Zehntausende": keep the cue, the vague interval stays.
    }
    if (q.ordinal) {
      q.approx = "exact";
      q.low = q.high = 0;
    }
    size_t last = std::max(end, j);
    q.span = {tokens[std::min(left, begin)].start, tokens[last - 1].end};
    out.push_back(std::move(q));
    i = last;
  }
  return out;
}

}  // namespace claimdiff
