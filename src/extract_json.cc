#include "extract_json.h"

#include "absl/time/civil_time.h"

namespace claimdiff {

namespace {

std::string Day(const absl::CivilDay& d) { return absl::FormatCivilTime(d); }

std::string Text(const std::string& text, const Span& s) {
  if (s.end > text.size() || s.start > s.end) return "";
  return text.substr(s.start, s.end - s.start);
}

}  // namespace

nlohmann::ordered_json SpanJson(const Span& span) { return {span.start, span.end}; }

nlohmann::ordered_json TimexJson(const Timex& t) {
  nlohmann::ordered_json j;
  j["start"] = t.span.start;
  j["end"] = t.span.end;
  j["type"] = t.type;
  j["value"] = t.value;
  if (!t.mod.empty()) j["mod"] = t.mod;
  if (t.first_day && t.last_day) j["interval"] = {Day(*t.first_day), Day(*t.last_day)};
  if (!t.granularity.empty()) j["granularity"] = t.granularity;
  if (t.relative) j["relative"] = true;
  if (t.alternative_group >= 0) j["alternative_group"] = t.alternative_group;
  j["sentence"] = t.sentence;
  return j;
}

nlohmann::ordered_json StatementJson(const Statement& s, const std::string& text) {
  nlohmann::ordered_json j;
  j["sentence"] = s.sentence;
  j["span"] = SpanJson(s.span);
  j["tense"] = s.tense;
  j["certainty"] = CertaintyName(s.certainty);
  if (!s.certainty_cue.empty()) j["certainty_cue"] = s.certainty_cue;
  if (s.certainty_span) j["certainty_span"] = SpanJson(*s.certainty_span);
  if (s.certainty_from_context) j["certainty_from_context"] = true;
  j["negated"] = s.negated;
  if (s.negation_span) j["negation_span"] = SpanJson(*s.negation_span);
  if (s.said_on) j["said_on"] = Day(*s.said_on);
  j["times"] = s.times;
  auto& events = j["events"] = nlohmann::ordered_json::array();
  for (const EventMention& e : s.events) {
    events.push_back({{"span", SpanJson(e.span)}, {"trigger", e.trigger}, {"lemma", e.lemma}, {"class", e.cls}});
  }
  auto& participants = j["participants"] = nlohmann::ordered_json::array();
  for (const Participant& p : s.participants) {
    nlohmann::ordered_json pj{{"span", SpanJson(p.span)}, {"name", p.name}, {"key", p.key}, {"kind", p.kind}};
    if (!p.title.empty()) pj["title"] = p.title;
    if (!p.title_written.empty()) pj["title_written"] = p.title_written;
    if (p.title_span) pj["title_span"] = SpanJson(*p.title_span);
    participants.push_back(std::move(pj));
  }
  auto& places = j["places"] = nlohmann::ordered_json::array();
  for (const Place& p : s.places) {
    places.push_back({{"span", SpanJson(p.span)}, {"written", Text(text, p.span)}, {"id", p.id},
                      {"name", p.name}, {"kind", p.kind}, {"within", p.within}, {"role", p.role}});
  }
  auto& quantities = j["quantities"] = nlohmann::ordered_json::array();
  for (const Quantity& q : s.quantities) {
    nlohmann::ordered_json qj{{"span", SpanJson(q.span)}, {"written", Text(text, q.span)}, {"value", q.value},
                              {"approx", q.approx},   {"unit", q.unit},       {"counts", q.counts},
                              {"ordinal", q.ordinal}};
    if (q.low != 0 || q.high != 0) qj["range"] = {q.low, q.high};
    if (q.counts_span) qj["counts_span"] = SpanJson(*q.counts_span);
    quantities.push_back(std::move(qj));
  }
  auto& attributions = j["attributions"] = nlohmann::ordered_json::array();
  for (const Attribution& a : s.attributions) {
    nlohmann::ordered_json aj{{"span", SpanJson(a.span)}, {"source", a.source}, {"key", a.key},
                              {"kind", a.kind},           {"cue", a.cue}};
    if (a.when) aj["when"] = Day(*a.when);
    if (!a.where.empty()) aj["where"] = a.where;
    attributions.push_back(std::move(aj));
  }
  return j;
}

nlohmann::ordered_json AnalyzedDocumentJson(const AnalyzedDocument& d) {
  nlohmann::ordered_json j;
  j["id"] = d.doc.id;
  j["lang"] = d.doc.lang;
  if (d.doc.published) j["dct"] = Day(*d.doc.published);
  auto& sentences = j["sentences"] = nlohmann::ordered_json::array();
  for (const Sentence& s : d.seg.sentences) sentences.push_back(SpanJson(s.span));
  auto& furniture = j["furniture"] = nlohmann::ordered_json::array();
  for (const Furniture& f : d.seg.furniture) furniture.push_back(SpanJson(f.span));
  auto& timex = j["timex"] = nlohmann::ordered_json::array();
  for (const Timex& t : d.ext.timex) timex.push_back(TimexJson(t));
  auto& statements = j["statements"] = nlohmann::ordered_json::array();
  for (const Statement& s : d.ext.statements) statements.push_back(StatementJson(s, d.doc.text));
  return j;
}

}  // namespace claimdiff
