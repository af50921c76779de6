#include "extract_attribution.h"

#include <limits>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "status_macros.h"

namespace claimdiff {

namespace {

bool IsClauseBreak(const Token& t) {
  if (t.kind != Token::kPunct) return false;
  const std::string& f = t.folded;
  return f == "," || f == ";" || f == ":" || f == "(" || f == ")" || f == "\xE2\x80\x93" || f == "\xE2\x80\x94";
}

// Token range [begin, end) of the clause around tokens [from, to).
std::pair<size_t, size_t> Clause(const std::vector<Token>& tokens, size_t from, size_t to) {
  size_t b = from;
  while (b > 0 && !IsClauseBreak(tokens[b - 1])) --b;
  size_t e = to;
  while (e < tokens.size() && !IsClauseBreak(tokens[e])) ++e;
  return {b, e};
}

}  // namespace

absl::StatusOr<std::unique_ptr<AttributionTagger>> AttributionTagger::Create(const Lexicon& lexicon) {
  std::unique_ptr<AttributionTagger> t(new AttributionTagger());
  const LexiconTable& table = lexicon.Table("attribution");
  for (const LexiconRow& row : table.rows) {
    CLAIMDIFF_RETURN_IF_ERROR(CheckFields(table, row, 5));
    Row r;
    const std::string& p = row.Field(1);
    if (p == "before") {
      r.position = Position::kBefore;
    } else if (p == "after") {
      r.position = Position::kAfter;
    } else if (p == "near") {
      r.position = Position::kNear;
    } else if (p == "previous") {
      r.position = Position::kPrevious;
    } else {
      return absl::InvalidArgumentError(
          absl::StrCat(table.path, ":", row.line, ": unknown source position '", p, "' (before, after, near, previous)"));
    }
    if (!ParseCertainty(row.Field(2), &r.official) || !ParseCertainty(row.Field(3), &r.other)) {
      return absl::InvalidArgumentError(absl::StrCat(table.path, ":", row.line, ": unknown certainty"));
    }
    if (!absl::SimpleAtoi(row.Field(4), &r.strength)) {
      return absl::InvalidArgumentError(
          absl::StrCat(table.path, ":", row.line, ": strength is not an integer: '", row.Field(4), "'"));
    }
    t->rows_.push_back(r);
  }
  AddPhrases(table, nullptr, &t->cues_);
  t->near_prefers_after_ = lexicon.Table("claims").Get("near_tie", "after") != "before";
  return t;
}

AttributionResult AttributionTagger::Find(absl::string_view text, const std::vector<Token>& tokens,
                                          const std::vector<FoundParticipant>& participants,
                                          absl::Span<const Timex* const> timex, const std::vector<Place>& places,
                                          const std::vector<Attribution>& previous,
                                          const std::optional<absl::CivilDay>& published) const {
  AttributionResult out;
  const std::vector<PhraseTable::Match> matches = cues_.FindAll(tokens, 0, tokens.size());
  out.cues.reserve(matches.size());
  out.attributions.reserve(matches.size());
  for (const PhraseTable::Match& m : matches) {
    // A cue inside a name ("Sprecher" in a title) is not a cue.
    bool inside = false;
    for (const FoundParticipant& p : participants) {
      if (m.begin >= p.begin && m.begin < p.end) inside = true;
    }
    if (inside) continue;
    const Row& r = rows_[static_cast<size_t>(m.payload)];
    const FoundParticipant* source = nullptr;
    auto [clause_begin, clause_end] = Clause(tokens, m.begin, m.end);
    switch (r.position) {
      case Position::kBefore: {
        for (const FoundParticipant& p : participants) {
          if (p.end <= m.begin && m.begin - p.end <= max_distance_ && (!source || p.end > source->end)) source = &p;
        }
        break;
      }
      case Position::kAfter: {
        for (const FoundParticipant& p : participants) {
          if (p.begin >= m.end && p.begin - m.end <= max_distance_ && (!source || p.begin < source->begin)) {
            source = &p;
          }
        }
        break;
      }
      case Position::kNear: {
        size_t best = std::numeric_limits<size_t>::max();
        for (const FoundParticipant& p : participants) {
          if (p.begin < clause_begin || p.end > clause_end) continue;
          size_t d = std::numeric_limits<size_t>::max();
          for (const auto& [b, e] : m.parts) {
            if (p.end <= b) d = std::min(d, b - p.end);
            else if (p.begin >= e) d = std::min(d, p.begin - e);
            else d = 0;
          }
          if (d < best || (d == best && near_prefers_after_)) {
            best = d;
            source = &p;
          }
        }
        break;
      }
      case Position::kPrevious:
        break;
    }
    CertaintyCue cue;
    cue.span = {tokens[m.begin].start, tokens[m.parts[0].second - 1].end};
    cue.cue = MatchText(text, tokens, m);
    cue.strength = r.strength;
    Attribution a;
    bool have = false;
    if (source != nullptr) {
      const Participant& p = source->participant;
      a.span = {tokens[source->begin].start, tokens[source->end - 1].end};
      a.source = std::string(text.substr(a.span.start, a.span.size()));
      a.key = p.key;
      a.kind = source->source_kind;
      have = true;
    } else if (r.position == Position::kPrevious && !previous.empty()) {
      a = previous.front();
      a.when.reset();
      a.where.clear();
      have = true;
    }
    cue.certainty = have && a.kind == "official" ? r.official : r.other;
    out.cues.push_back(cue);
    if (!have) continue;
    a.cue = cue.cue;
    // When: the day-precise date nearest to the cue in its clause (and its
    // source's), not after publication. A source carried over from the
    // previous sentence has no date here: that sentence's dates are content.
    if (r.position == Position::kPrevious) {
      out.attributions.push_back(std::move(a));
      continue;
    }
    size_t lo = clause_begin, hi = clause_end;
    if (source != nullptr) {
      lo = std::min(lo, source->begin);
      hi = std::max(hi, source->end);
    }
    Span clause{tokens[lo].start, tokens[hi - 1].end};
    size_t best_distance = std::numeric_limits<size_t>::max();
    for (const Timex* t : timex) {
      if (t->type != "DATE" || !t->first_day || !t->last_day || *t->first_day != *t->last_day) continue;
      if (published && *t->first_day > *published) continue;
      if (t->span.start < clause.start || t->span.end > clause.end) continue;
      size_t d = t->span.start >= cue.span.end ? t->span.start - cue.span.end
                 : cue.span.start >= t->span.end ? cue.span.start - t->span.end
                                                  : 0;
      if (d < best_distance) {
        best_distance = d;
        a.when = *t->first_day;
      }
    }
    // Where: a place the place matcher gave the speaker's role.
    for (const Place& pl : places) {
      if (pl.role == "speaker" && pl.span.start >= clause.start && pl.span.end <= clause.end) {
        a.where = pl.id;
        break;
      }
    }
    out.attributions.push_back(std::move(a));
  }
  return out;
}

}  // namespace claimdiff
