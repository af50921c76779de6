#include "extract_json.h"

#include "absl/time/civil_time.h"

namespace claimdiff {

namespace {

std::string Day(const absl::CivilDay& d) { return absl::FormatCivilTime(d); }

nlohmann::ordered_json SpanJson(const Span& span) { return {span.start, span.end}; }

absl::string_view Text(const std::string& text, const Span& s) {
  if (s.end > text.size() || s.start > s.end) return "";
  return absl::string_view(text).substr(s.start, s.end - s.start);
}

// "key":"value".
void Member(JsonWriter* w, absl::string_view key, absl::string_view value) {
  w->Key(key);
  w->String(value);
}

void SpanMember(JsonWriter* w, absl::string_view key, const Span& span) {
  w->Key(key);
  w->SpanArray(span);
}

void WriteEvent(JsonWriter* w, const EventMention& e) {
  w->BeginObject();
  SpanMember(w, "span", e.span);
  Member(w, "trigger", e.trigger);
  Member(w, "lemma", e.lemma);
  Member(w, "class", e.cls);
  w->EndObject();
}

void WriteParticipant(JsonWriter* w, const Participant& p) {
  w->BeginObject();
  SpanMember(w, "span", p.span);
  Member(w, "name", p.name);
  Member(w, "key", p.key);
  Member(w, "kind", p.kind);
  if (!p.title.empty()) Member(w, "title", p.title);
  if (!p.title_written.empty()) Member(w, "title_written", p.title_written);
  if (p.title_span) SpanMember(w, "title_span", *p.title_span);
  if (!p.affiliation.empty()) Member(w, "affiliation", p.affiliation);
  if (p.from_context) {
    w->Key("from_context");
    w->Bool(true);
  }
  w->EndObject();
}

void WritePlace(JsonWriter* w, const Place& p, const std::string& text) {
  w->BeginObject();
  SpanMember(w, "span", p.span);
  Member(w, "written", Text(text, p.span));
  Member(w, "id", p.id);
  Member(w, "name", p.name);
  Member(w, "kind", p.kind);
  w->Key("within");
  w->BeginArray();
  for (const std::string& id : p.within) w->String(id);
  w->EndArray();
  Member(w, "role", p.role);
  w->EndObject();
}

void WriteQuantity(JsonWriter* w, const Quantity& q, const std::string& text) {
  w->BeginObject();
  SpanMember(w, "span", q.span);
  Member(w, "written", Text(text, q.span));
  w->Key("value");
  w->Double(q.value);
  Member(w, "approx", q.approx);
  Member(w, "unit", q.unit);
  Member(w, "counts", q.counts);
  w->Key("ordinal");
  w->Bool(q.ordinal);
  if (q.low != 0 || q.high != 0) {
    w->Key("range");
    w->BeginArray();
    w->Double(q.low);
    w->Double(q.high);
    w->EndArray();
  }
  if (q.counts_span) SpanMember(w, "counts_span", *q.counts_span);
  w->EndObject();
}

void WriteAttribution(JsonWriter* w, const Attribution& a) {
  w->BeginObject();
  SpanMember(w, "span", a.span);
  Member(w, "source", a.source);
  Member(w, "key", a.key);
  Member(w, "kind", a.kind);
  Member(w, "cue", a.cue);
  if (a.when) {
    w->Key("when");
    w->Date(*a.when);
  }
  if (!a.where.empty()) Member(w, "where", a.where);
  w->EndObject();
}

template <typename T, typename WriteOne>
void ArrayMember(JsonWriter* w, absl::string_view key, const std::vector<T>& items, WriteOne write_one) {
  w->Key(key);
  w->BeginArray();
  for (const T& item : items) write_one(item);
  w->EndArray();
}

}  // namespace

void WriteTimexJson(JsonWriter* w, const Timex& t) {
  w->BeginObject();
  w->Key("start");
  w->Int(t.span.start);
  w->Key("end");
  w->Int(t.span.end);
  Member(w, "type", t.type);
  Member(w, "value", t.value);
  if (!t.mod.empty()) Member(w, "mod", t.mod);
  if (t.first_day && t.last_day) {
    w->Key("interval");
    w->BeginArray();
    w->Date(*t.first_day);
    w->Date(*t.last_day);
    w->EndArray();
  }
  if (!t.granularity.empty()) Member(w, "granularity", t.granularity);
  if (t.relative) {
    w->Key("relative");
    w->Bool(true);
  }
  if (t.alternative_group >= 0) {
    w->Key("alternative_group");
    w->Int(t.alternative_group);
  }
  w->Key("sentence");
  w->Int(t.sentence);
  w->EndObject();
}

void WriteStatementJson(JsonWriter* w, const Statement& s, const std::string& text) {
  w->BeginObject();
  w->Key("sentence");
  w->Int(s.sentence);
  SpanMember(w, "span", s.span);
  Member(w, "tense", s.tense);
  Member(w, "certainty", CertaintyName(s.certainty));
  if (!s.certainty_cue.empty()) Member(w, "certainty_cue", s.certainty_cue);
  if (s.certainty_span) SpanMember(w, "certainty_span", *s.certainty_span);
  if (s.certainty_from_context) {
    w->Key("certainty_from_context");
    w->Bool(true);
  }
  w->Key("negated");
  w->Bool(s.negated);
  if (s.negation_span) SpanMember(w, "negation_span", *s.negation_span);
  if (s.said_on) {
    w->Key("said_on");
    w->Date(*s.said_on);
  }
  ArrayMember(w, "times", s.times, [w](int t) { w->Int(t); });
  ArrayMember(w, "events", s.events, [w](const EventMention& e) { WriteEvent(w, e); });
  ArrayMember(w, "participants", s.participants, [w](const Participant& p) { WriteParticipant(w, p); });
  ArrayMember(w, "places", s.places, [w, &text](const Place& p) { WritePlace(w, p, text); });
  ArrayMember(w, "quantities", s.quantities, [w, &text](const Quantity& q) { WriteQuantity(w, q, text); });
  ArrayMember(w, "attributions", s.attributions, [w](const Attribution& a) { WriteAttribution(w, a); });
  w->EndObject();
}

void WriteAnalyzedDocumentJson(JsonWriter* w, const AnalyzedDocument& d) {
  w->BeginObject();
  Member(w, "id", d.doc.id);
  Member(w, "lang", d.doc.lang);
  if (d.doc.published) {
    w->Key("dct");
    w->Date(*d.doc.published);
  }
  ArrayMember(w, "sentences", d.seg.sentences, [w](const Sentence& s) { w->SpanArray(s.span); });
  ArrayMember(w, "furniture", d.seg.furniture, [w](const Furniture& f) { w->SpanArray(f.span); });
  ArrayMember(w, "timex", d.ext.timex, [w](const Timex& t) { WriteTimexJson(w, t); });
  ArrayMember(w, "statements", d.ext.statements,
              [w, &d](const Statement& s) { WriteStatementJson(w, s, d.doc.text); });
  w->EndObject();
}

// ---- The DOM forms: the same members in the same order ---------------------

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
    events.push_back(
        {{"span", SpanJson(e.span)}, {"trigger", e.trigger}, {"lemma", e.lemma}, {"class", e.cls}});
  }
  auto& participants = j["participants"] = nlohmann::ordered_json::array();
  for (const Participant& p : s.participants) {
    nlohmann::ordered_json pj{{"span", SpanJson(p.span)}, {"name", p.name}, {"key", p.key}, {"kind", p.kind}};
    if (!p.title.empty()) pj["title"] = p.title;
    if (!p.title_written.empty()) pj["title_written"] = p.title_written;
    if (p.title_span) pj["title_span"] = SpanJson(*p.title_span);
    if (!p.affiliation.empty()) pj["affiliation"] = p.affiliation;
    if (p.from_context) pj["from_context"] = true;
    participants.push_back(std::move(pj));
  }
  auto& places = j["places"] = nlohmann::ordered_json::array();
  for (const Place& p : s.places) {
    places.push_back({{"span", SpanJson(p.span)},
                      {"written", std::string(Text(text, p.span))},
                      {"id", p.id},
                      {"name", p.name},
                      {"kind", p.kind},
                      {"within", p.within},
                      {"role", p.role}});
  }
  auto& quantities = j["quantities"] = nlohmann::ordered_json::array();
  for (const Quantity& q : s.quantities) {
    nlohmann::ordered_json qj{{"span", SpanJson(q.span)}, {"written", std::string(Text(text, q.span))},
                              {"value", q.value},         {"approx", q.approx},
                              {"unit", q.unit},           {"counts", q.counts},
                              {"ordinal", q.ordinal}};
    if (q.low != 0 || q.high != 0) qj["range"] = {q.low, q.high};
    if (q.counts_span) qj["counts_span"] = SpanJson(*q.counts_span);
    quantities.push_back(std::move(qj));
  }
  auto& attributions = j["attributions"] = nlohmann::ordered_json::array();
  for (const Attribution& a : s.attributions) {
    nlohmann::ordered_json aj{
        {"span", SpanJson(a.span)}, {"source", a.source}, {"key", a.key}, {"kind", a.kind}, {"cue", a.cue}};
    if (a.when) aj["when"] = Day(*a.when);
    if (!a.where.empty()) aj["where"] = a.where;
    attributions.push_back(std::move(aj));
  }
  return j;
}

}  // namespace claimdiff
