#include "extract_certainty.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "status_macros.h"

namespace claimdiff {

bool ParseCertainty(absl::string_view name, Certainty* out) {
  static constexpr Certainty kAll[] = {Certainty::kAsserted, Certainty::kConfirmed,   Certainty::kAnnounced,
                                       Certainty::kReported, Certainty::kHedged,      Certainty::kUnconfirmed,
                                       Certainty::kDenied,   Certainty::kUnclear};
  for (Certainty c : kAll) {
    if (name == CertaintyName(c)) {
      *out = c;
      return true;
    }
  }
  return false;
}

std::string MatchText(absl::string_view text, const std::vector<Token>& tokens, const PhraseTable::Match& m) {
  std::string out;
  for (const auto& [b, e] : m.parts) {
    if (e <= b) continue;
    if (!out.empty()) out += " \xE2\x80\xA6 ";
    absl::string_view part = text.substr(tokens[b].start, tokens[e - 1].end - tokens[b].start);
    out.append(part.data(), part.size());
  }
  return out;
}

absl::StatusOr<std::unique_ptr<CertaintyTagger>> CertaintyTagger::Create(const Lexicon& lexicon,
                                                                           const Stemmer& stemmer) {
  std::unique_ptr<CertaintyTagger> t(new CertaintyTagger());
  const LexiconTable& table = lexicon.Table("certainty");
  for (const LexiconRow& row : table.rows) {
    CLAIMDIFF_RETURN_IF_ERROR(CheckFields(table, row, 4));
    Row r;
    if (!ParseCertainty(row.Field(1), &r.certainty)) {
      return absl::InvalidArgumentError(
          absl::StrCat(table.path, ":", row.line, ": unknown certainty '", row.Field(1), "'"));
    }
    if (row.Field(2) != "sentence" && row.Field(2) != "previous_sentence") {
      return absl::InvalidArgumentError(absl::StrCat(table.path, ":", row.line, ": unknown scope '", row.Field(2),
                                                     "' (sentence, previous_sentence)"));
    }
    r.previous = row.Field(2) == "previous_sentence";
    if (!absl::SimpleAtoi(row.Field(3), &r.strength)) {
      return absl::InvalidArgumentError(
          absl::StrCat(table.path, ":", row.line, ": strength is not an integer: '", row.Field(3), "'"));
    }
    r.unless_plan = row.Field(4) == "unless_plan";
    t->rows_.push_back(r);
  }
  // Certainty cues match exactly (inflection would blur "soll" and "sollte").
  AddPhrases(table, nullptr, &t->cues_);
  (void)stemmer;
  const LexiconTable& negation = lexicon.Table("negation");
  for (const LexiconRow& row : negation.rows) t->negation_effect_.push_back(row.Field(1) != "none");
  AddPhrases(negation, nullptr, &t->negation_);
  const LexiconTable& settings = lexicon.Table("claims");
  for (const std::string& s : settings.GetAll("perfect_auxiliary")) t->perfect_auxiliaries_.Insert(FoldCase(s));
  if (std::string p = settings.Get("plan_certainty"); !p.empty() && !ParseCertainty(p, &t->plan_certainty_)) {
    return absl::InvalidArgumentError(absl::StrCat(settings.path, ": unknown plan_certainty '", p, "'"));
  }
  return t;
}

CertaintyResult CertaintyTagger::Find(absl::string_view text, const std::vector<Token>& tokens, bool plan) const {
  CertaintyResult out;
  for (const PhraseTable::Match& m : cues_.FindAll(tokens, 0, tokens.size())) {
    const Row& r = rows_[static_cast<size_t>(m.payload)];
    CertaintyCue cue;
    cue.certainty = r.certainty;
    cue.strength = r.strength;
    cue.previous = r.previous;
    cue.span = {tokens[m.begin].start, tokens[m.parts[0].second - 1].end};
    cue.cue = MatchText(text, tokens, m);
    // The rule for modal "soll" (STYLE.md §2.7): "soll" reports hearsay
    // ("Kim soll den Test selbst überwacht haben": hedged) but also states a
    // plan or an obligation ("Die Brücke soll 2025 fertig werden"). A row
    // with the condition "unless_plan" is read as a plan when the sentence
    // speaks of the future (a time after the publication date or future
    // tense) and no perfect auxiliary ("haben", "sein") follows the cue;
    // a plan gets `plan_certainty` from claims.tsv (announced). Hearsay
    // about the future with no such cue stays hedged; plans stated without
    // a time ("Die Brücke soll fertig werden") stay hedged too: the known
    // false positive, kept as a fixture.
    if (r.unless_plan && plan) {
      bool perfect = false;
      for (size_t k = m.end; k < tokens.size(); ++k) {
        if (perfect_auxiliaries_.Contains(tokens[k].folded, tokens[k].folded_print)) perfect = true;
      }
      if (!perfect) cue.certainty = plan_certainty_;
    }
    out.cues.push_back(std::move(cue));
  }
  for (const PhraseTable::Match& m : negation_.FindAll(tokens, 0, tokens.size())) {
    if (!negation_effect_[static_cast<size_t>(m.payload)]) continue;
    out.negation = Span{tokens[m.begin].start, tokens[m.end - 1].end};
    break;
  }
  return out;
}

}  // namespace claimdiff
